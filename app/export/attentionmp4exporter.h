#pragma once
/// Attention as an H.264 MP4: the sampled frames with the chosen token's (or the mean) attention burned in,
/// the colour scale under them.

#include "app/export/exporter.h"

namespace mplug2::app {

class AttentionMp4Exporter : public Exporter {
public:
    QString id() const override;
    QString description() const override;
    QString suffix() const override;
    Expected<QStringList> write(const ExportInput &input, const QString &path) const override;
};

} // namespace mplug2::app
