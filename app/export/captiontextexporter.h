#pragma once
/// Plain text: the best text of each media item (and its alternatives).

#include "app/export/exporter.h"

namespace mplug2::app {

class CaptionTextExporter : public Exporter {
public:
    QString id() const override;
    QString description() const override;
    QString suffix() const override;
    Expected<QStringList> write(const ExportInput &input, const QString &path) const override;
};

} // namespace mplug2::app
