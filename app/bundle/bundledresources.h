#pragma once
/// Files that ship with the application: the BERT vocabulary and the
/// built-in demo model bundle. They live in one data folder with the same
/// layout everywhere:
///
///     vocab/bert-base-uncased-vocab.txt
///     models/demo/manifest.json          (the bundled default model)
///
/// The folder is, in this order: $MPLUG2_DATA_DIR; <program dir>/../share/
/// mplug2-studio (an installed package); the source tree's resources/ (a build
/// tree). The first one that exists wins.
///
///     const QString vocab = BundledResources::vocabulary();
///     if (vocab.isEmpty()) ...   // not installed

#include <QString>

namespace mplug2::app {

class BundledResources {
public:
    /// The data folder, or "" when none of the candidates exists.
    static QString dataDir();
    /// The bundled BERT uncased vocabulary, or "" when missing.
    static QString vocabulary();
    /// The built-in default model's manifest, or "" when this installation has none.
    static QString defaultModelManifest();
};

} // namespace mplug2::app
