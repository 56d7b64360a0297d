#pragma once

#include "../model/finding.h"

#include <compare>
#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

namespace heapsight {

class ReportBuilder;

// Which verdict an explanation block explains: the verdict at the block header's position, of the
// header's family (escapes: moved/escapes to heap; leaks: leaking param…), about the same subject.
struct ExplanationKey {
    Position position;
    Explanation::Header header = Explanation::Header::Escapes;
    std::string subject;
    friend auto operator<=>(const ExplanationKey&, const ExplanationKey&) = default;
    friend bool operator==(const ExplanationKey&, const ExplanationKey&) = default;
};

struct ExplanationKeyHash {
    std::size_t operator()(const ExplanationKey& key) const noexcept;
};

// Attaches -m=2 explanation blocks to the verdicts they explain, within one package's output. A block
// usually comes before its verdict (it waits until the verdict comes); a bodyless (assembly) function's
// `leaking param` comes first and the block from its ABI wrapper's analysis after it. Blocks whose verdict
// never comes are kept as unlinked when the package ends.
class ExplanationLinker {
public:
    void block(ReportBuilder& builder, ExplanationKey key, Explanation block);
    void verdict(ReportBuilder& builder, const ExplanationKey& key, std::uint32_t finding);
    void endPackage(ReportBuilder& builder);

    // What a parser hands to the linker, recorded when the linking is done later (a part of a package
    // parsed on its own thread, linked when the parts are merged in order).
    struct Event {
        enum class Type : std::uint8_t { Block, Verdict, EndPackage };
        Type type = Type::EndPackage;
        ExplanationKey key;
        std::uint32_t finding = 0; // Verdict
        Explanation block; // Block
    };
    void replay(ReportBuilder& builder, Event event);

private:
    // Hashed: a package such as go/types has tens of thousands of verdicts. Pending blocks are few at a
    // time; they are sorted by key when they are left unlinked, so the order does not depend on hashing.
    std::unordered_map<ExplanationKey, std::vector<Explanation>, ExplanationKeyHash> m_pending;
    std::unordered_map<ExplanationKey, std::uint32_t, ExplanationKeyHash> m_verdicts;
};

} // namespace heapsight
