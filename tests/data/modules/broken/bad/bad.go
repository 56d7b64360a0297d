// Package bad does not compile on purpose: the analysis must report the compiler's error.
package bad

func Broken() int {
	return undefinedName + 1
}
