#pragma once
/// Subtitle cues from a dense caption, shared by the SRT and WebVTT exporters.
///
///     auto cues = subtitleCues(input.results);   // needs one result with segments
///     for (const SubtitleCue &c : *cues)
///         out << formatCueTime(c.startSeconds, u',') << " --> " << ...;

#include "app/engine/engineresult.h"
#include "base/expected.h"

#include <QChar>
#include <QList>
#include <QString>

namespace mplug2::app {

struct SubtitleCue {
    double startSeconds = 0;
    double endSeconds = 0;
    QString text; ///< one line, no control characters
};

/// The windows of the one dense-caption result in `results`, in time order,
/// empty ones left out; an error when there is not exactly one result with
/// time windows, or a window ends before it starts.
Expected<QList<SubtitleCue>> subtitleCues(const QList<EngineResult> &results);

/// HH:MM:SS<sep>mmm, rounded to the millisecond (hours grow past 99 if needed).
QString formatCueTime(double seconds, QChar fractionSeparator);

/// `text` on one line: control characters and line breaks become spaces,
/// runs of spaces one space.
QString oneLine(const QString &text);

} // namespace mplug2::app
