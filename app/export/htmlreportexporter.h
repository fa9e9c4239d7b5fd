#pragma once
/// A self-contained HTML report of the user's work: per media item a thumbnail, the question, the answers
/// with scores, dense-caption windows and, where captured, attention overlays (images embedded as data URIs;
/// no external files or scripts).

#include "app/export/exporter.h"

namespace mplug2::app {

class HtmlReportExporter : public Exporter {
public:
    QString id() const override;
    QString description() const override;
    QString suffix() const override;
    Expected<QStringList> write(const ExportInput &input, const QString &path) const override;
};

} // namespace mplug2::app
