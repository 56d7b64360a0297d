// SPDX-FileCopyrightText: 2026 The Heapsight authors
// SPDX-License-Identifier: GPL-3.0-or-later

package assertions

// First checks the length itself: no bounds check kept, holds.
func First(b []byte) byte {
	if len(b) == 0 {
		return 0
	}
	return b[0] //heapsight:bce
}

// At indexes with an unchecked index: broken.
func At(b []byte, i int) byte {
	//gcassert:bce
	return b[i]
}

// Pair reads two bytes the compiler cannot prove are there: go-escape-lint's directive, broken.
func Pair(b []byte) uint16 {
	return uint16(b[0]) | uint16(b[1])<<8 //no-bounds-check
}

// PairChecked proves both first: holds.
func PairChecked(b []byte) uint16 {
	_ = b[1]
	return uint16(b[0]) | uint16(b[1])<<8 //no-bounds-check
}

// Window slices without proof: Heapsight's directive on the function, broken.
//
//heapsight:bce
func Window(b []byte, i int) []byte {
	return b[i : i+4]
}
