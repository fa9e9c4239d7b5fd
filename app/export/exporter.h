#pragma once
/// Exports of the user's results: one Exporter per file format, all writing
/// atomically (a failed export never leaves half a file under the name).
///
///     ExportInput input;
///     input.results = {captionResult, otherResult};
///     const Exporter *csv = findExporter(QStringLiteral("csv"));
///     Expected<QStringList> written = csv->write(input, "/tmp/captions.csv");
///     if (!written) showError(written.error().message);
///
/// Formats: txt, json, jsonl, csv (captions and answers); srt, vtt (dense
/// captions); attention-png (one PNG per token and frame, into a folder),
/// contact-sheet (PNG), gif, mp4 (attention overlays); html (a self-contained
/// report). Each format says what it needs from the results and fails
/// with a clear message when it is missing (e.g. SRT without time windows).

#include "app/engine/attentionmaps.h"
#include "app/engine/engineresult.h"
#include "base/expected.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace mplug2::app {

/// How attention is drawn by the image exporters (and the HTML report).
struct AttentionExportOptions {
    AttentionMethod method = AttentionMethod::CrossAttention;
    /// A token of the answer, or -1 for every token (PNG) / the mean of all
    /// tokens (contact sheet, GIF, MP4, HTML).
    int token = -1;
    int layer = kMeanOfLayers;
    int head = kMeanOfHeads;
    /// 0 shows only the frame, 1 only the heat colours.
    double opacity = 0.5;
    /// "jet", "inferno", "viridis", "turbo".
    QString colormap = QStringLiteral("jet");
    /// GIF / MP4 frame rate (sampled frames per second).
    double framesPerSecond = 2.0;
};

struct ExportInput {
    QList<EngineResult> results;
    AttentionExportOptions attention;
    /// The HTML report's title.
    QString title;
};

class Exporter {
public:
    virtual ~Exporter() = default;
    /// Stable id used by the CLI and settings: "txt", "srt", "html", ...
    virtual QString id() const = 0;
    /// For file dialogs, translated: "Subtitles (SRT)".
    virtual QString description() const = 0;
    /// File name suffix without the dot ("" for formats that write a folder).
    virtual QString suffix() const = 0;
    /// Writes `input` to `path` (a file, or a folder for multi-file formats)
    /// and returns the files written.
    virtual Expected<QStringList> write(const ExportInput &input, const QString &path) const = 0;
};

/// Every exporter, in the order a file dialog should list them.
const QList<const Exporter *> &exporters();
const Exporter *findExporter(const QString &id);
/// The exporter whose suffix matches `path`'s, or null.
const Exporter *exporterForPath(const QString &path);

} // namespace mplug2::app
