#pragma once
/// Icons drawn from the monochrome SVGs in resources/icons/ui, in the text
/// colour of the current palette: they follow a light or dark desktop (and
/// palette changes while running) and stay sharp at any scale.
///
///     playButton->setIcon(paletteIcon(QStringLiteral("play")));   // :/icons/ui/play.svg

#include <QIcon>
#include <QString>

namespace mplug2::ui {

/// The icon named `name` (a file name under resources/icons/ui without ".svg").
QIcon paletteIcon(const QString &name);

} // namespace mplug2::ui
