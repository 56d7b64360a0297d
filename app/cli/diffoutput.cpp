#include "diffoutput.h"

#include <QString>

namespace heapsight::cli {

namespace {

QString q(const std::string& s)
{
    return QString::fromStdString(s);
}

} // namespace

void printDiffText(const ReportDiff& diff, const DiffSides& sides, bool showUnchanged, QTextStream& out)
{
    out << "A: " << q(sides.labelA) << " (" << sides.a->findings().size() << " findings)\n";
    out << "B: " << q(sides.labelB) << " (" << sides.b->findings().size() << " findings)\n";
    for (const std::string& w : sides.warnings)
        out << "warning: " << q(w) << '\n';
    for (const Change& c : diff.changes) {
        if (c.type == ChangeType::Unchanged && !showUnchanged)
            continue;
        const char mark = c.type == ChangeType::Added ? '+'
            : c.type == ChangeType::Removed           ? '-'
            : c.type == ChangeType::Changed           ? '~'
                                                      : ' ';
        out << mark << ' ' << q(c.file) << ':' << c.line;
        if (c.column)
            out << ':' << c.column;
        out << "  " << QLatin1String(kindLabel(c.kind).data(), static_cast<qsizetype>(kindLabel(c.kind).size()))
            << ": ";
        if (c.type == ChangeType::Added)
            out << q(c.subjectB);
        else if (c.type == ChangeType::Removed || c.subjectA == c.subjectB)
            out << q(c.subjectA);
        else
            out << q(c.subjectA) << " -> " << q(c.subjectB);
        if (c.type != ChangeType::Added && c.type != ChangeType::Removed && c.lineA != c.line)
            out << "  (line " << c.lineA << " in A)";
        if (c.type == ChangeType::Changed)
            out << "  (explanation changed)";
        if (c.loopVariable)
            out << "  [loop variable]";
        out << '\n';
    }
    const DiffCounts& t = diff.total;
    out << "total: " << t.added << " added, " << t.removed << " removed, " << t.changed << " changed, " << t.unchanged
        << " unchanged\n";
    for (int k = 0; k < FindingKindCount; ++k) {
        const DiffCounts& c = diff.perKind[static_cast<std::size_t>(k)];
        if (c.added + c.removed + c.changed == 0)
            continue;
        out << "  " << QLatin1String(kindId(static_cast<FindingKind>(k)).data()) << ": +" << c.added << " -"
            << c.removed << " ~" << c.changed << '\n';
    }
    const auto heap = diff.newHeapAllocations();
    out << heap.size() << " new heap allocation" << (heap.size() == 1 ? "" : "s") << " in B\n";
}

void printWarnings(const std::vector<std::string>& warnings, bool refused, QTextStream& err)
{
    for (const std::string& w : warnings) {
        if (refused)
            err << "heapsight-cli: " << q(w) << "; no verdict without --allow-unknown\n";
        else
            err << "heapsight-cli: warning: " << q(w) << '\n';
    }
}

} // namespace heapsight::cli
