// SPDX-FileCopyrightText: 2026 The Heapsight authors
// SPDX-License-Identifier: GPL-3.0-or-later

package assertions

import "testing"

var keep *int

// BenchmarkLeak keeps what Leak returns: Leak is inlined here, and its n moves to the heap at this call,
// which breaks the directive. Read only with --tests.
func BenchmarkLeak(b *testing.B) {
	for i := 0; i < b.N; i++ {
		keep = Leak(i) //heapsight:noescape
	}
}
