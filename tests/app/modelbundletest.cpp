// ModelBundle: the manifest format, its checks, and the round trip through a file.
#include "app/bundle/modelbundle.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace mplug2;
using namespace mplug2::app;

class ModelBundleTest : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;

    QString touch(const QString &name, const QByteArray &content = "x")
    {
        const QString path = m_dir.filePath(name);
        QDir().mkpath(QFileInfo(path).absolutePath());
        QFile f(path);
        if (!f.open(QIODevice::WriteOnly))
            qFatal("cannot write %s", qPrintable(path));
        f.write(content);
        return path;
    }

    QJsonObject validManifest() const
    {
        return QJsonObject {
            {QStringLiteral("schema"), QStringLiteral("mplug2-bundle/1")},
            {QStringLiteral("id"), QStringLiteral("tiny-a.caption")},
            {QStringLiteral("name"), QStringLiteral("Tiny A caption")},
            {QStringLiteral("kind"), QStringLiteral("caption")},
            {QStringLiteral("checkpoint"), QStringLiteral("weights/caption.pth")},
            {QStringLiteral("tokenizer"),
                QJsonObject {{QStringLiteral("kind"), QStringLiteral("wordpiece")},
                    {QStringLiteral("file"), QStringLiteral("vocab.txt")}}},
            {QStringLiteral("image_res"), 56},
            {QStringLiteral("num_frames"), 4},
            {QStringLiteral("generation"),
                QJsonObject {{QStringLiteral("caption"),
                    QJsonObject {{QStringLiteral("beam_size"), 3}, {QStringLiteral("min_length"), 2},
                        {QStringLiteral("max_length"), 9}}}}},
            {QStringLiteral("config"),
                QJsonObject {
                    {QStringLiteral("bert"), QJsonObject {{QStringLiteral("num_attention_heads"), 2}}},
                    {QStringLiteral("model"), QJsonObject {{QStringLiteral("clip_transformer_heads"), 2}}}}},
        };
    }

    QString writeManifest(const QJsonObject &manifest, const QString &name = QStringLiteral("manifest.json"))
    {
        return touch(name, QJsonDocument(manifest).toJson());
    }

    QString loadError(const QJsonObject &manifest)
    {
        const Expected<ModelBundle> b = ModelBundle::fromJson(manifest, m_dir.path());
        return b ? QString() : QString::fromStdString(b.error().message);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        touch(QStringLiteral("weights/caption.pth"));
        touch(QStringLiteral("vocab.txt"));
    }

    void loadsAFolderAndResolvesPathsAgainstIt()
    {
        writeManifest(validManifest());
        const Expected<ModelBundle> b = ModelBundle::load(m_dir.path());
        QVERIFY2(b, b ? "" : b.error().message.c_str());
        QCOMPARE(b->id, QStringLiteral("tiny-a.caption"));
        QCOMPARE(b->kind, ModelKind::Caption);
        QCOMPARE(b->checkpoint, QDir(m_dir.path()).filePath(QStringLiteral("weights/caption.pth")));
        QCOMPARE(b->vocab, QDir(m_dir.path()).filePath(QStringLiteral("vocab.txt")));
        QCOMPARE(b->imageRes, 56);
        QCOMPARE(b->numFrames, 4);
        QCOMPARE(b->captionGeneration, (GenerationDefaults {3, 2, 9}));
        // Unspecified: the official QA defaults and the official prompt.
        QCOMPARE(b->qaGeneration, (GenerationDefaults {5, 1, 10}));
        QCOMPARE(b->prompt, QStringLiteral("a video of"));
        QCOMPARE(b->bertConfig.value(QStringLiteral("num_attention_heads")).toInt(), 2);
        QCOMPARE(b->modelConfig.value(QStringLiteral("clip_transformer_heads")).toInt(), 2);
        QCOMPARE(b->manifestPath, QDir(m_dir.path()).filePath(QStringLiteral("manifest.json")));
        QCOMPARE(b->generationDefaults(), b->captionGeneration);
    }

    void saveAndLoadRoundTrip()
    {
        Expected<ModelBundle> b = ModelBundle::fromJson(validManifest(), m_dir.path());
        QVERIFY(b);
        b->kind = ModelKind::Qa;
        b->description = QStringLiteral("für Tests — 测试");
        b->prompt.clear();
        const QString file = m_dir.filePath(QStringLiteral("copy/bundle.json"));
        QDir().mkpath(QFileInfo(file).absolutePath());
        QVERIFY(b->save(file));
        const Expected<ModelBundle> back = ModelBundle::load(file);
        QVERIFY2(back, back ? "" : back.error().message.c_str());
        QCOMPARE(back->kind, ModelKind::Qa);
        QCOMPARE(back->description, b->description);
        QCOMPARE(back->prompt, QString());
        QCOMPARE(back->checkpoint, b->checkpoint);
        QCOMPARE(back->generationDefaults(), (GenerationDefaults {5, 1, 10}));
        QCOMPARE(back->bertConfig, b->bertConfig);
        // Files outside the manifest's folder keep their absolute path; inside it they become relative.
        QFile f(file);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QJsonObject written = QJsonDocument::fromJson(f.readAll()).object();
        QCOMPARE(written.value(QStringLiteral("checkpoint")).toString(), b->checkpoint);
        QCOMPARE(b->toJson(m_dir.path()).value(QStringLiteral("checkpoint")).toString(),
            QStringLiteral("weights/caption.pth"));
    }

    void rejectsBadManifests_data()
    {
        QTest::addColumn<QString>("key");
        QTest::addColumn<QJsonValue>("value");
        QTest::addColumn<QString>("expected");
        QTest::newRow("schema") << "schema" << QJsonValue(QStringLiteral("other/2")) << "schema";
        QTest::newRow("no id") << "id" << QJsonValue() << "\"id\"";
        QTest::newRow("bad id") << "id" << QJsonValue(QStringLiteral("Has Spaces")) << "\"id\"";
        QTest::newRow("kind") << "kind" << QJsonValue(QStringLiteral("retrieval")) << "retrieval";
        QTest::newRow("no checkpoint") << "checkpoint" << QJsonValue() << "\"checkpoint\"";
        QTest::newRow("checkpoint type")
            << "checkpoint" << QJsonValue(3) << "\"checkpoint\" must be a string";
        QTest::newRow("res range") << "image_res" << QJsonValue(100000) << "\"image_res\"";
        QTest::newRow("res fraction") << "image_res" << QJsonValue(224.5) << "\"image_res\"";
        QTest::newRow("frames") << "num_frames" << QJsonValue(0) << "\"num_frames\"";
        QTest::newRow("tokenizer kind")
            << "tokenizer"
            << QJsonValue(QJsonObject {{QStringLiteral("kind"), QStringLiteral("bpe")},
                   {QStringLiteral("file"), QStringLiteral("v")}})
            << "tokenizer.kind";
        QTest::newRow("min > max") << "generation"
                                   << QJsonValue(QJsonObject {{QStringLiteral("qa"),
                                          QJsonObject {{QStringLiteral("min_length"), 9},
                                              {QStringLiteral("max_length"), 3}}}})
                                   << "min_length 9";
        QTest::newRow("nested override")
            << "config"
            << QJsonValue(QJsonObject {{QStringLiteral("bert"),
                   QJsonObject {{QStringLiteral("hidden_size"), QJsonObject {{QStringLiteral("a"), 1}}}}}})
            << "config.bert.hidden_size";
    }

    void rejectsBadManifests()
    {
        QFETCH(QString, key);
        QFETCH(QJsonValue, value);
        QFETCH(QString, expected);
        QJsonObject m = validManifest();
        if (value.isUndefined() || value.isNull())
            m.remove(key);
        else
            m.insert(key, value);
        const QString error = loadError(m);
        QVERIFY2(error.contains(expected), qPrintable(error));
    }

    void missingFilesAreNamed()
    {
        QJsonObject m = validManifest();
        m.insert(QStringLiteral("checkpoint"), QStringLiteral("nowhere.pth"));
        const QString path = writeManifest(m, QStringLiteral("missing/manifest.json"));
        const Expected<ModelBundle> b = ModelBundle::load(path);
        QVERIFY(!b);
        QCOMPARE(b.error().code, ErrorCode::NotFound);
        QVERIFY2(QString::fromStdString(b.error().message).contains(QStringLiteral("nowhere.pth")),
            b.error().message.c_str());
    }

    void notJsonOrTooBigIsAFormatError()
    {
        const QString garbage = touch(QStringLiteral("garbage.json"), QByteArray("\x89PNG\r\n\x1a\n", 8));
        const Expected<ModelBundle> a = ModelBundle::load(garbage);
        QVERIFY(!a);
        QCOMPARE(a.error().code, ErrorCode::Format);
        const QString big = touch(QStringLiteral("big.json"), QByteArray(2 << 20, ' '));
        const Expected<ModelBundle> b = ModelBundle::load(big);
        QVERIFY(!b);
        QCOMPARE(b.error().code, ErrorCode::LimitExceeded);
        const Expected<ModelBundle> c = ModelBundle::load(m_dir.filePath(QStringLiteral("absent")));
        QVERIFY(!c);
        QCOMPARE(c.error().code, ErrorCode::NotFound);
    }

    void clipTokenizerAndTasks()
    {
        // The demo model: SentencePiece for the CLIP text tower too, and answers besides captions.
        QJsonObject m = validManifest();
        m.insert(QStringLiteral("clip_tokenizer"),
            QJsonObject {{QStringLiteral("kind"), QStringLiteral("sentencepiece")},
                {QStringLiteral("file"), QStringLiteral("vocab.txt")}});
        m.insert(QStringLiteral("tasks"), QJsonArray {QStringLiteral("qa")});
        Expected<ModelBundle> b = ModelBundle::fromJson(m, m_dir.path());
        QVERIFY2(b, b ? "" : b.error().message.c_str());
        QCOMPARE(b->clipTokenizerKind, QStringLiteral("sentencepiece"));
        QCOMPARE(b->clipBpe, QDir(m_dir.path()).filePath(QStringLiteral("vocab.txt")));
        QVERIFY(b->captions() && b->answersQuestions());
        const QJsonObject written = b->toJson(m_dir.path());
        QVERIFY(!written.contains(QStringLiteral("clip_bpe")));
        const Expected<ModelBundle> back = ModelBundle::fromJson(written, m_dir.path());
        QVERIFY(back);
        QCOMPARE(back->clipTokenizerKind, QStringLiteral("sentencepiece"));
        QCOMPARE(back->extraTasks, QStringList {QStringLiteral("qa")});
        // Without "tasks" a model does its kind's task only.
        QVERIFY(!ModelBundle::fromJson(validManifest(), m_dir.path())->answersQuestions());
        m.insert(QStringLiteral("clip_bpe"), QStringLiteral("vocab.txt"));
        QVERIFY(loadError(m).contains(QStringLiteral("not both")));
        m.remove(QStringLiteral("clip_bpe"));
        m.insert(QStringLiteral("tasks"), QJsonArray {QStringLiteral("retrieval")});
        QVERIFY(loadError(m).contains(QStringLiteral("\"tasks\"")));
    }

    void kindNamesRoundTrip()
    {
        for (ModelKind k : {ModelKind::Caption, ModelKind::Qa, ModelKind::Pretrain}) {
            const Expected<ModelKind> back = parseModelKind(modelKindName(k));
            QVERIFY(back);
            QCOMPARE(*back, k);
        }
        QVERIFY(!parseModelKind(QStringLiteral("Caption")));
    }
};

QTEST_GUILESS_MAIN(ModelBundleTest)
#include "modelbundletest.moc"
