#pragma once
/// SubRip subtitles (.srt) from a dense caption: numbered cues, HH:MM:SS,mmm times, UTF-8.

#include "app/export/exporter.h"

namespace mplug2::app {

class SrtExporter : public Exporter {
public:
    QString id() const override;
    QString description() const override;
    QString suffix() const override;
    Expected<QStringList> write(const ExportInput &input, const QString &path) const override;
};

} // namespace mplug2::app
