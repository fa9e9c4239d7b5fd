#include "app/export/webvttexporter.h"

#include "app/export/atomicwrite.h"
#include "app/export/subtitlecues.h"

#include <QCoreApplication>

namespace mplug2::app {

namespace {

/// Cue text may not hold "-->" and reads & and < as markup.
QString escapeCueText(QString text)
{
    text.replace(u'&', QStringLiteral("&amp;"));
    text.replace(u'<', QStringLiteral("&lt;"));
    text.replace(u'>', QStringLiteral("&gt;"));
    return text;
}

} // namespace

QString WebVttExporter::id() const
{
    return QStringLiteral("vtt");
}

QString WebVttExporter::description() const
{
    return QCoreApplication::translate("Export", "Subtitles (WebVTT)");
}

QString WebVttExporter::suffix() const
{
    return QStringLiteral("vtt");
}

Expected<QStringList> WebVttExporter::write(const ExportInput &input, const QString &path) const
{
    const Expected<QList<SubtitleCue>> cues = subtitleCues(input.results);
    if (!cues)
        return cues.error();
    QString vtt = QStringLiteral("WEBVTT\n\n");
    int number = 1;
    for (const SubtitleCue &c : *cues) {
        vtt += QStringLiteral("%1\n%2 --> %3\n%4\n\n")
                   .arg(number++)
                   .arg(formatCueTime(c.startSeconds, u'.'), formatCueTime(c.endSeconds, u'.'),
                       escapeCueText(c.text));
    }
    if (Expected<void> ok = writeFileAtomically(path, vtt.toUtf8()); !ok)
        return ok.error();
    return QStringList {path};
}

} // namespace mplug2::app
