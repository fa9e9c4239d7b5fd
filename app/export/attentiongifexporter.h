#pragma once
/// Attention as an animated GIF: the sampled frames with the chosen token's (or the mean) attention overlaid,
/// the colour scale under them.

#include "app/export/exporter.h"

namespace mplug2::app {

class AttentionGifExporter : public Exporter {
public:
    QString id() const override;
    QString description() const override;
    QString suffix() const override;
    Expected<QStringList> write(const ExportInput &input, const QString &path) const override;
};

} // namespace mplug2::app
