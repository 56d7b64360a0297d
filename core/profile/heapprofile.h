// SPDX-FileCopyrightText: 2026 The Heapsight authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace heapsight {

// One source line of a sampled call stack, as the toolchain recorded it at build time.
struct ProfileFrame {
    std::string function; // "example.com/m.squares", "fmt.Sprintf"
    std::string file; // usually absolute: "/home/me/m/dynsize.go"; module-path based with -trimpath
    std::int64_t line = 0;

    friend bool operator==(const ProfileFrame&, const ProfileFrame&) = default;
};

// One sample: a call stack and its values (one per HeapProfile::sampleTypes entry).
struct ProfileSample {
    // Leaf first. A location with inlined calls contributes several frames, the innermost first, so
    // stack.front() is where the allocation really is in the source.
    std::vector<ProfileFrame> stack;
    std::vector<std::int64_t> values;
};

struct ProfileValueType {
    std::string type; // "alloc_objects", "alloc_space", "inuse_objects", "inuse_space"
    std::string unit; // "count", "bytes"
};

// A Go heap profile (pprof profile.proto), decoded into plain values.
struct HeapProfile {
    std::vector<ProfileValueType> sampleTypes;
    std::vector<ProfileSample> samples;
    std::int64_t timeNanos = 0;

    // Index into ProfileSample::values of the sample type named `type`, -1 when the profile has none.
    int valueIndex(std::string_view type) const
    {
        for (std::size_t i = 0; i < sampleTypes.size(); ++i) {
            if (sampleTypes[i].type == type)
                return static_cast<int>(i);
        }
        return -1;
    }
};

} // namespace heapsight
