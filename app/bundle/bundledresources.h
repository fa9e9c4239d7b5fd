#pragma once
/// Files that ship with the application: the BERT vocabulary and the
/// built-in demo model bundle. They live in one data folder with the same
/// layout everywhere:
///
///     vocab/bert-base-uncased-vocab.txt
///     models/demo/manifest.json          (the bundled default model)
///     samples/two-shapes.mp4             (sample media for it; the first one the app opens)
///
/// The folder is $MPLUG2_DATA_DIR when set, else <program dir>/../share/
/// mplug2-studio (base/installlayout.h): an installed package, an unpacked
/// one, or a build tree, which mirrors the installed layout.
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
    /// The sample clip the app opens when given nothing else, or "" when not installed.
    static QString defaultSample();
};

} // namespace mplug2::app
