#pragma once
/// The libraries and data this build ships or links, with their licences:
/// shown in the About dialog, by `mplug2 info`, and in the package.
///
///     for (const ThirdPartyComponent &c : thirdPartyComponents())
///         qDebug() << c.name << c.version << c.license;

#include <QList>
#include <QString>

namespace mplug2::app {

struct ThirdPartyComponent {
    QString name;
    QString version;
    QString license;
    QString url;
};

QList<ThirdPartyComponent> thirdPartyComponents();

} // namespace mplug2::app
