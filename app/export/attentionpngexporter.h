#pragma once
/// Attention as PNG files in a folder: for each token of the answer (or the chosen one) and each sampled
/// frame, the frame with the token's attention overlaid and the colour scale under it; plus the mean over
/// all tokens.

#include "app/export/exporter.h"

namespace mplug2::app {

class AttentionPngExporter : public Exporter {
public:
    QString id() const override;
    QString description() const override;
    QString suffix() const override;
    Expected<QStringList> write(const ExportInput &input, const QString &path) const override;
};

} // namespace mplug2::app
