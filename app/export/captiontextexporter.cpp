#include "app/export/captiontextexporter.h"

#include "app/export/atomicwrite.h"
#include "app/export/subtitlecues.h"

#include <QCoreApplication>

namespace mplug2::app {

QString CaptionTextExporter::id() const
{
    return QStringLiteral("txt");
}

QString CaptionTextExporter::description() const
{
    return QCoreApplication::translate("Export", "Plain text");
}

QString CaptionTextExporter::suffix() const
{
    return QStringLiteral("txt");
}

/// For people: per media item its path, the question when there was one,
/// then the results numbered best first with their scores (or the windows
/// of a dense caption with their times), and a blank line.
Expected<QStringList> CaptionTextExporter::write(const ExportInput &input, const QString &path) const
{
    QString text;
    for (const EngineResult &r : input.results) {
        text += r.media + u'\n';
        if (!r.question.isEmpty())
            text += QStringLiteral("Q: ") + r.question + u'\n';
        for (const CaptionSegment &s : r.segments)
            text += QStringLiteral("[%1 - %2] %3\n")
                        .arg(formatCueTime(s.startSeconds, u'.'), formatCueTime(s.endSeconds, u'.'),
                            oneLine(s.caption.text));
        for (qsizetype i = 0; i < r.items.size(); ++i)
            text += QStringLiteral("%1. %2 (%3)\n")
                        .arg(i + 1)
                        .arg(oneLine(r.items.at(i).text))
                        .arg(r.items.at(i).score, 0, 'f', 4);
        text += u'\n';
    }
    if (Expected<void> ok = writeFileAtomically(path, text.toUtf8()); !ok)
        return ok.error();
    return QStringList {path};
}

} // namespace mplug2::app
