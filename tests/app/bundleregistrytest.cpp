// BundleRegistry: registered bundles in QSettings, the built-in bundle from
// the data folder, the default and its "nothing installed" error.
#include "app/bundle/bundleregistry.h"

#include "app/bundle/bundledresources.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace mplug2;
using namespace mplug2::app;

class BundleRegistryTest : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_dataDir;

    void write(const QString &path, const QByteArray &content)
    {
        QDir().mkpath(QFileInfo(path).absolutePath());
        QFile f(path);
        if (!f.open(QIODevice::WriteOnly))
            qFatal("cannot write %s", qPrintable(path));
        f.write(content);
    }

    /// A bundle folder with dummy weight and vocab files.
    QString makeBundle(const QString &folder, const QString &id)
    {
        const QString dir = m_dir.filePath(folder);
        write(dir + QStringLiteral("/w.pth"), "w");
        write(dir + QStringLiteral("/vocab.txt"), "v");
        const QJsonObject m {{QStringLiteral("schema"), QStringLiteral("mplug2-bundle/1")},
            {QStringLiteral("id"), id}, {QStringLiteral("kind"), QStringLiteral("caption")},
            {QStringLiteral("checkpoint"), QStringLiteral("w.pth")},
            {QStringLiteral("tokenizer"),
                QJsonObject {{QStringLiteral("file"), QStringLiteral("vocab.txt")}}}};
        write(dir + QStringLiteral("/manifest.json"), QJsonDocument(m).toJson());
        return dir;
    }

    std::unique_ptr<QSettings> freshSettings(const QString &name)
    {
        return std::make_unique<QSettings>(m_dir.filePath(name), QSettings::IniFormat);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_dataDir = m_dir.filePath(QStringLiteral("data"));
        QDir().mkpath(m_dataDir);
        qputenv("MPLUG2_DATA_DIR", m_dataDir.toUtf8());
    }

    void withoutAnythingInstalledTheDefaultIsAClearError()
    {
        auto settings = freshSettings(QStringLiteral("empty.ini"));
        BundleRegistry registry(settings.get());
        QVERIFY(registry.entries().isEmpty());
        const Expected<ModelBundle> b = registry.defaultBundle();
        QVERIFY(!b);
        QCOMPARE(b.error().code, ErrorCode::NotFound);
        QVERIFY2(QString::fromStdString(b.error().message)
                     .contains(QStringLiteral("no default model is installed")),
            b.error().message.c_str());
        // The message says where the bundled model belongs.
        QVERIFY2(QString::fromStdString(b.error().message)
                     .contains(QDir(m_dataDir).absoluteFilePath(QStringLiteral("models/demo/manifest.json"))),
            b.error().message.c_str());
    }

    void aBrokenBuiltInBundleIsNamedInTheError()
    {
        const QString demo = makeBundle(QStringLiteral("data/models/demo"), QStringLiteral("demo"));
        QVERIFY(QFile::remove(demo + QStringLiteral("/w.pth")));
        auto settings = freshSettings(QStringLiteral("brokendemo.ini"));
        const Expected<ModelBundle> b = BundleRegistry(settings.get()).defaultBundle();
        QVERIFY(!b);
        QCOMPARE(b.error().code, ErrorCode::Format);
        const QString message = QString::fromStdString(b.error().message);
        QVERIFY2(message.contains(demo + QStringLiteral("/manifest.json"))
                && message.contains(QStringLiteral("w.pth")),
            qPrintable(message));
        QVERIFY(QDir(m_dataDir + QStringLiteral("/models")).removeRecursively());
    }

    void addRemoveAndChooseTheDefault()
    {
        auto settings = freshSettings(QStringLiteral("registry.ini"));
        BundleRegistry registry(settings.get());
        const Expected<ModelBundle> a
            = registry.add(makeBundle(QStringLiteral("a"), QStringLiteral("model-a")));
        QVERIFY2(a, a ? "" : a.error().message.c_str());
        QVERIFY(registry.add(makeBundle(QStringLiteral("b"), QStringLiteral("model-b"))));
        QCOMPARE(registry.bundles().size(), 2);
        // Registering the same manifest again refreshes it.
        QVERIFY(registry.add(m_dir.filePath(QStringLiteral("b"))));
        QCOMPARE(registry.bundles().size(), 2);
        // Same id from another folder: refused, naming the model it would replace ...
        const QString b2 = makeBundle(QStringLiteral("b2"), QStringLiteral("model-b"));
        const Expected<ModelBundle> clash = registry.add(b2);
        QVERIFY(!clash);
        QCOMPARE(clash.error().code, ErrorCode::InvalidArgument);
        QVERIFY2(QString::fromStdString(clash.error().message).contains(m_dir.filePath(QStringLiteral("b"))),
            clash.error().message.c_str());
        QCOMPARE(registry.bundles().size(), 2);
        QVERIFY(registry.bundles().at(1).checkpoint.contains(QStringLiteral("/b/")));
        // ... the free id keeps both ...
        QCOMPARE(registry.freeId(QStringLiteral("model-b")), QStringLiteral("model-b-2"));
        QCOMPARE(registry.freeId(QStringLiteral("model-z")), QStringLiteral("model-z"));
        QCOMPARE(registry.freeId(QStringLiteral("model-b"),
                     [](const QString &id) { return id == QLatin1String("model-b-2"); }),
            QStringLiteral("model-b-3"));
        // ... and Replace replaces.
        QVERIFY(registry.add(b2, BundleRegistry::OnConflict::Replace));
        QCOMPARE(registry.bundles().size(), 2);
        QVERIFY(registry.bundles().at(1).checkpoint.contains(QStringLiteral("/b2/")));
        QCOMPARE(
            registry.find(QStringLiteral("model-b"))->manifestPath, b2 + QStringLiteral("/manifest.json"));
        QVERIFY(!registry.find(QStringLiteral("model-z")));

        registry.setDefaultId(QStringLiteral("model-b"));
        const Expected<ModelBundle> def = registry.defaultBundle();
        QVERIFY(def);
        QCOMPARE(def->id, QStringLiteral("model-b"));
        const Expected<ModelBundle> byId = registry.resolve(QStringLiteral("model-a"));
        QVERIFY(byId);
        QCOMPARE(byId->id, QStringLiteral("model-a"));
        QVERIFY(!registry.resolve(QStringLiteral("model-z")));

        // A second registry over the same settings sees the same state.
        BundleRegistry again(settings.get());
        QCOMPARE(again.defaultId(), QStringLiteral("model-b"));
        QVERIFY(again.remove(QStringLiteral("model-b")));
        QVERIFY(!again.remove(QStringLiteral("model-b")));
        QCOMPARE(again.defaultId(), QString());
        QCOMPARE(again.bundles().size(), 1);
    }

    void brokenEntriesStayListedWithTheirError()
    {
        auto settings = freshSettings(QStringLiteral("broken.ini"));
        BundleRegistry registry(settings.get());
        const QString dir = makeBundle(QStringLiteral("c"), QStringLiteral("model-c"));
        QVERIFY(registry.add(dir));
        QVERIFY(QFile::remove(dir + QStringLiteral("/w.pth")));
        const QList<BundleRegistry::Entry> entries = registry.entries();
        QCOMPARE(entries.size(), 1);
        QVERIFY(!entries.at(0).bundle);
        QVERIFY2(entries.at(0).error.contains(QStringLiteral("w.pth")), qPrintable(entries.at(0).error));
        QVERIFY(registry.bundles().isEmpty());
    }

    void theBuiltInBundleIsTheFallbackDefault()
    {
        const QString demo = makeBundle(QStringLiteral("data/models/demo"), QStringLiteral("demo"));
        QCOMPARE(BundledResources::defaultModelManifest(), demo + QStringLiteral("/manifest.json"));
        auto settings = freshSettings(QStringLiteral("builtin.ini"));
        BundleRegistry registry(settings.get());
        const Expected<ModelBundle> def = registry.defaultBundle();
        QVERIFY2(def, def ? "" : def.error().message.c_str());
        QCOMPARE(def->id, QStringLiteral("demo"));
        QVERIFY(def->builtIn);
        QVERIFY(!registry.remove(QStringLiteral("demo")));
        // Its id is reserved.
        QVERIFY(!registry.add(makeBundle(QStringLiteral("other-demo"), QStringLiteral("demo"))));
        // A chosen default that no longer loads falls back to the built-in one.
        registry.setDefaultId(QStringLiteral("gone"));
        QCOMPARE(registry.defaultBundle()->id, QStringLiteral("demo"));
        QCOMPARE(registry.resolve(QStringLiteral("default"))->id, QStringLiteral("demo"));
        QVERIFY(QDir(m_dataDir + QStringLiteral("/models")).removeRecursively());
    }

    void theAppAndTheCliShareOneRegistryAndOldOnesAreMergedOnce()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("mplug2-registry-test"));
        QFile::remove(BundleRegistry::sharedSettingsPath());
        const QString cliBundle = makeBundle(QStringLiteral("legacy-cli"), QStringLiteral("from-cli"));
        const QString appBundle = makeBundle(QStringLiteral("legacy-app"), QStringLiteral("from-app"));
        {
            // What earlier versions kept in each program's own settings.
            QSettings cli(QSettings::NativeFormat, QSettings::UserScope, QCoreApplication::organizationName(),
                QStringLiteral("mplug2"));
            cli.clear();
            cli.setValue(QStringLiteral("bundles/manifests"),
                QStringList {cliBundle + QStringLiteral("/manifest.json")});
            cli.setValue(QStringLiteral("bundles/default"), QStringLiteral("from-cli"));
            QSettings app(QSettings::NativeFormat, QSettings::UserScope, QCoreApplication::organizationName(),
                QStringLiteral("mplug2-studio"));
            app.clear();
            app.setValue(QStringLiteral("bundles/manifests"),
                QStringList {appBundle + QStringLiteral("/manifest.json"),
                    cliBundle + QStringLiteral("/manifest.json")});
        }
        QCoreApplication::setApplicationName(QStringLiteral("mplug2-studio"));
        const QString fromTheApp = BundleRegistry::sharedSettingsPath();
        {
            BundleRegistry app;
            QCOMPARE(app.bundles().size(), 2);
            QCOMPARE(app.defaultId(), QStringLiteral("from-cli"));
            QVERIFY(app.remove(QStringLiteral("from-app")));
        }
        QCoreApplication::setApplicationName(QStringLiteral("mplug2"));
        QCOMPARE(BundleRegistry::sharedSettingsPath(), fromTheApp);
        BundleRegistry cli;
        // Merged once: the model removed in the app does not come back from the old file.
        QCOMPARE(cli.bundles().size(), 1);
        QCOMPARE(cli.defaultBundle()->id, QStringLiteral("from-cli"));
        cli.setDefaultId({});
        QCOMPARE(BundleRegistry().defaultId(), QString());
        QVERIFY(QFile::remove(BundleRegistry::sharedSettingsPath()));
    }

    // Without the override the data folder is the one beside the program
    // (in a build tree: <build>/share/mplug2-studio, see cmake/InstallLayout.cmake).
    void vocabularyIsFoundBesideTheProgramWithoutOverride()
    {
        qunsetenv("MPLUG2_DATA_DIR");
        const QString vocab = BundledResources::vocabulary();
        qputenv("MPLUG2_DATA_DIR", m_dataDir.toUtf8());
        QVERIFY2(vocab.endsWith(QStringLiteral("vocab/bert-base-uncased-vocab.txt")), qPrintable(vocab));
        QVERIFY(QFileInfo(vocab).size() > 200000);
    }
};

QTEST_GUILESS_MAIN(BundleRegistryTest)
#include "bundleregistrytest.moc"
