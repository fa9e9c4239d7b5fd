#pragma once
/// WebVTT subtitles (.vtt) from a dense caption, with the text escaped as the WebVTT spec asks (&amp; &lt;
/// &gt;).

#include "app/export/exporter.h"

namespace mplug2::app {

class WebVttExporter : public Exporter {
public:
    QString id() const override;
    QString description() const override;
    QString suffix() const override;
    Expected<QStringList> write(const ExportInput &input, const QString &path) const override;
};

} // namespace mplug2::app
