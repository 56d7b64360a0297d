// SPDX-FileCopyrightText: 2026 The Heapsight authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "core/model/report.h"
#include "heapprofile.h"

#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace heapsight {

// Finds the report file a profile frame's source file is. The go toolchain records absolute paths
// at build time (or module-path based ones under -trimpath), the report holds what the compiler
// printed, relative to where it ran. A frame matches
//   1. exactly, once the report's relative names are made absolute with the module root (or the
//      report's working directory), else
//   2. by path suffix, for a profile recorded elsewhere (CI, another checkout, -trimpath): the frame's
//      path ends with the report's relative name (the longest such name wins; ties are ambiguous and
//      match nothing); a frame whose function belongs to a
//      package the report never compiled (fmt, runtime) is not matched by suffix, so GOROOT's print.go
//      never lands on a module's print.go.
class ProfilePathMatcher {
public:
    // Keeps views of the report's file names: the report must outlive the matcher.
    ProfilePathMatcher(const Report& report, std::string_view moduleRoot);

    FileId match(const ProfileFrame& frame);

    // "example.com/m/sub.(*T).M" → "example.com/m/sub"; "" when the name has no package.
    static std::string_view packageOfFunction(std::string_view function);

private:
    FileId matchUncached(const ProfileFrame& frame) const;
    bool packageCompiled(std::string_view function) const;

    std::unordered_map<std::string, FileId> m_absolute; // absolute report path → file
    struct Candidate {
        FileId file;
        std::vector<std::string_view> parts; // path components, base name last
        bool absolute;
    };
    std::unordered_map<std::string, std::vector<Candidate>> m_byBaseName; // report files by base name
    std::unordered_set<std::string> m_packages; // import paths the report compiled
    std::unordered_map<std::string, FileId> m_cache; // function + '\n' + file → result
};

} // namespace heapsight
