// loadStateDict / loadTensorDict on the official fixtures: key counts, names,
// shapes and dtypes against cases.json and keys_*.txt, tied storages, the fp16
// 'module' copy against the fp32 file, momentum copies, positional-embedding
// resizing against a hand-written bilinear interpolation.
#include "model/checkpoint/statedict.h"

#include "model/checkpoint/checkpointindex.h"
#include "tests/support/qtestshared.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

#include <torch/types.h>

using namespace mplug2::model;

namespace {

struct KeyLine {
    std::string name;
    std::vector<std::int64_t> shape;
    std::string dtype;
};

/// keys_*.txt: "name<TAB>[d0, d1]<TAB>dtype" per line.
std::vector<KeyLine> readKeyList(const QString &path)
{
    QFile file(path);
    std::vector<KeyLine> out;
    if (!file.open(QIODevice::ReadOnly))
        return out;
    while (!file.atEnd()) {
        const QString line = QString::fromUtf8(file.readLine()).trimmed();
        const QStringList parts = line.split(QLatin1Char('\t'));
        if (parts.size() != 3)
            continue;
        KeyLine key {parts[0].toStdString(), {}, parts[2].toStdString()};
        QString dims = parts[1];
        dims.remove(QLatin1Char('[')).remove(QLatin1Char(']'));
        for (const QString &d : dims.split(QLatin1Char(','), Qt::SkipEmptyParts))
            key.shape.push_back(d.trimmed().toLongLong());
        out.push_back(std::move(key));
    }
    return out;
}

std::string dtypeName(const at::Tensor &t)
{
    switch (t.scalar_type()) {
    case at::kFloat:
        return "float32";
    case at::kHalf:
        return "float16";
    case at::kLong:
        return "int64";
    case at::kByte:
        return "uint8";
    default:
        return std::string(c10::toString(t.scalar_type()));
    }
}

std::vector<std::int64_t> jsonShape(const QJsonValue &value)
{
    std::vector<std::int64_t> shape;
    for (const QJsonValue &d : value.toArray())
        shape.push_back(d.toInteger());
    return shape;
}

/// Bilinear resize, align_corners=False, written out by hand as an
/// independent reference for resizePositionalEmbedding.
at::Tensor referenceResize(const at::Tensor &embedding, std::int64_t newSide)
{
    const std::int64_t channels = embedding.size(1);
    const auto oldSide = static_cast<std::int64_t>(std::lround(std::sqrt(double(embedding.size(0) - 1))));
    const at::Tensor grid = embedding.slice(0, 1).reshape({oldSide, oldSide, channels}).to(at::kDouble);
    at::Tensor out = at::zeros({1 + newSide * newSide, channels}, at::kDouble);
    out[0] = embedding[0].to(at::kDouble);
    const double scale = double(oldSide) / double(newSide);
    auto source = [&](std::int64_t i, std::int64_t &i0, std::int64_t &i1, double &w) {
        const double s = std::max(0.0, (double(i) + 0.5) * scale - 0.5);
        i0 = std::min<std::int64_t>(static_cast<std::int64_t>(s), oldSide - 1);
        i1 = std::min<std::int64_t>(i0 + 1, oldSide - 1);
        w = s - double(i0);
    };
    for (std::int64_t y = 0; y < newSide; ++y) {
        for (std::int64_t x = 0; x < newSide; ++x) {
            std::int64_t y0, y1, x0, x1;
            double wy, wx;
            source(y, y0, y1, wy);
            source(x, x0, x1, wx);
            out[1 + y * newSide + x] = (1 - wy) * ((1 - wx) * grid[y0][x0] + wx * grid[y0][x1])
                + wy * ((1 - wx) * grid[y1][x0] + wx * grid[y1][x1]);
        }
    }
    return out;
}

} // namespace

class StateDictTest : public QObject {
    Q_OBJECT

    QString m_fixtures;
    QJsonObject m_cases;

    std::string fixture(const QString &relative) const
    {
        return (m_fixtures + QLatin1Char('/') + relative).toStdString();
    }

    StateDict load(const QString &relative, const StateDictOptions &options = {})
    {
        auto dict = loadStateDict(fixture(relative), options);
        if (!dict)
            qWarning("%s", dict.error().message.c_str());
        return dict ? std::move(*dict) : StateDict {};
    }

private Q_SLOTS:
    void initTestCase()
    {
        QString shared;
        MPLUG2_REQUIRE_SHARED(shared);
        m_fixtures = shared + QStringLiteral("/fixtures");
        QFile file(m_fixtures + QStringLiteral("/cases.json"));
        QVERIFY(file.open(QIODevice::ReadOnly));
        m_cases = QJsonDocument::fromJson(file.readAll()).object();
        QVERIFY(!m_cases.value(QStringLiteral("configs")).toObject().isEmpty());
    }

    void everyCheckpointListsItsDeclaredKeys_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("entry");
        QTest::addColumn<QString>("dtype");
        QTest::addColumn<int>("numKeys");
        const QJsonObject configs = m_cases.value(QStringLiteral("configs")).toObject();
        for (auto config = configs.begin(); config != configs.end(); ++config) {
            const QJsonObject checkpoints
                = config->toObject().value(QStringLiteral("checkpoints")).toObject();
            for (auto ck = checkpoints.begin(); ck != checkpoints.end(); ++ck) {
                const QJsonObject c = ck->toObject();
                const QString file = c.value(QStringLiteral("file")).toString();
                QTest::newRow(qPrintable(file)) << file << c.value(QStringLiteral("key")).toString()
                                                << c.value(QStringLiteral("dtype")).toString()
                                                << c.value(QStringLiteral("num_keys")).toInt();
            }
        }
    }

    void everyCheckpointListsItsDeclaredKeys()
    {
        QFETCH(QString, file);
        QFETCH(QString, entry);
        QFETCH(QString, dtype);
        QFETCH(int, numKeys);
        auto index = CheckpointIndex::open(fixture(file));
        QVERIFY2(index, index ? "" : index.error().message.c_str());
        QCOMPARE(index->format(), CheckpointFormat::TorchZip);
        QCOMPARE(index->entries().size(), size_t(1));
        QCOMPARE(QString::fromStdString(index->entries()[0].name), entry);
        QCOMPARE(index->tensors().size(), size_t(numKeys));
        for (const StoredTensor &t : index->tensors()) {
            if (t.name.find("position_ids") == std::string::npos)
                QCOMPARE(QString::fromLatin1(elementTypeName(t.type)), dtype);
        }

        const StateDict weights = load(file);
        QVERIFY(!weights.empty());
        for (const auto &[name, tensor] : weights) {
            QVERIFY2(name.find("_m.") == std::string::npos, name.c_str());
            QVERIFY(tensor.defined());
        }
    }

    void keysShapesAndDtypesMatchTheKeyLists_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("keyList");
        QTest::newRow("tiny-a caption")
            << QStringLiteral("tiny-a/caption.pth") << QStringLiteral("keys_caption.txt");
        QTest::newRow("tiny-a qa") << QStringLiteral("tiny-a/qa.pth") << QStringLiteral("keys_qa.txt");
    }

    void keysShapesAndDtypesMatchTheKeyLists()
    {
        QFETCH(QString, file);
        QFETCH(QString, keyList);
        const std::vector<KeyLine> keys = readKeyList(m_fixtures + QLatin1Char('/') + keyList);
        if (keys.empty())
            QSKIP("this fixture set has no key lists (they ship with the public set only)");
        StateDictOptions raw;
        raw.normalizeKeys = false;
        const StateDict all = load(file, raw);
        const StateDict model = load(file);
        QCOMPARE(all.size(), keys.size());
        std::size_t momentum = 0;
        for (const KeyLine &key : keys) {
            const auto it = all.find("model." + key.name);
            QVERIFY2(it != all.end(), key.name.c_str());
            QCOMPARE(it->second.sizes().vec(), key.shape);
            QCOMPARE(dtypeName(it->second), key.dtype);
            const std::string first = key.name.substr(0, key.name.find('.'));
            if (first.size() > 2 && first.compare(first.size() - 2, 2, "_m") == 0) {
                ++momentum;
                QVERIFY2(!model.count(key.name), key.name.c_str());
            } else {
                const auto kept = model.find(key.name);
                QVERIFY2(kept != model.end(), key.name.c_str());
                QVERIFY(torch::equal(kept->second, it->second));
            }
        }
        QCOMPARE(model.size(), keys.size() - momentum);
    }

    void tiedKeysShareOneStorage()
    {
        const QJsonObject configs = m_cases.value(QStringLiteral("configs")).toObject();
        int checked = 0;
        for (auto config = configs.begin(); config != configs.end(); ++config) {
            const QJsonObject checkpoints
                = config->toObject().value(QStringLiteral("checkpoints")).toObject();
            for (auto ck = checkpoints.begin(); ck != checkpoints.end(); ++ck) {
                const QJsonObject shared = ck->toObject().value(QStringLiteral("shared_storage")).toObject();
                if (shared.isEmpty())
                    continue;
                StateDictOptions raw;
                raw.normalizeKeys = false;
                const StateDict all = load(ck->toObject().value(QStringLiteral("file")).toString(), raw);
                for (auto pair = shared.begin(); pair != shared.end(); ++pair) {
                    const auto a = all.find("model." + pair.key().toStdString());
                    const auto b = all.find("model." + pair->toString().toStdString());
                    QVERIFY(a != all.end() && b != all.end());
                    QVERIFY(a->second.storage().is_alias_of(b->second.storage()));
                    QVERIFY(torch::equal(a->second, b->second));
                    ++checked;
                }
            }
        }
        QVERIFY(checked > 0);
    }

    void fp16ModuleCopyCastsToFp32BitForBit()
    {
        const QJsonObject configs = m_cases.value(QStringLiteral("configs")).toObject();
        int compared = 0;
        for (auto config = configs.begin(); config != configs.end(); ++config) {
            const QJsonObject checkpoints
                = config->toObject().value(QStringLiteral("checkpoints")).toObject();
            for (auto ck = checkpoints.begin(); ck != checkpoints.end(); ++ck) {
                const QString same = ck->toObject().value(QStringLiteral("same_weights_as")).toString();
                if (same.isEmpty())
                    continue;
                const StateDict half = load(ck->toObject().value(QStringLiteral("file")).toString());
                const StateDict full = load(same);
                QCOMPARE(half.size(), full.size());
                for (const auto &[name, tensor] : full) {
                    const auto it = half.find(name);
                    QVERIFY2(it != half.end(), name.c_str());
                    if (tensor.is_floating_point())
                        QCOMPARE(it->second.scalar_type(), at::kHalf);
                    QVERIFY2(torch::equal(it->second.to(tensor.scalar_type()), tensor), name.c_str());
                    ++compared;
                }
            }
        }
        QVERIFY(compared > 0);
    }

    void expectedFilesHoldEveryListedTensor()
    {
        std::map<QString, StateDict> files;
        int checked = 0;
        for (const QJsonValue &value : m_cases.value(QStringLiteral("cases")).toArray()) {
            const QJsonObject c = value.toObject();
            const QJsonObject tensors = c.value(QStringLiteral("tensors")).toObject();
            const QString expected = c.value(QStringLiteral("expected")).toString();
            if (tensors.isEmpty() || expected.isEmpty())
                continue;
            if (!files.count(expected)) {
                auto dict = loadTensorDict(fixture(expected));
                QVERIFY2(dict, dict ? "" : dict.error().message.c_str());
                files[expected] = std::move(*dict);
            }
            const StateDict &dict = files[expected];
            for (auto t = tensors.begin(); t != tensors.end(); ++t) {
                const auto it = dict.find(t.key().toStdString());
                QVERIFY2(it != dict.end(), qPrintable(expected + QLatin1Char(' ') + t.key()));
                const QJsonObject spec = t->toObject();
                QCOMPARE(it->second.sizes().vec(), jsonShape(spec.value(QStringLiteral("shape"))));
                QCOMPARE(dtypeName(it->second), spec.value(QStringLiteral("dtype")).toString().toStdString());
                ++checked;
            }
        }
        QVERIFY(checked > 0);
    }

    void mediaExpectationsLoad()
    {
        auto dict = loadTensorDict(fixture(QStringLiteral("media/expected_media.pth")));
        QVERIFY2(dict, dict ? "" : dict.error().message.c_str());
        QFile file(m_fixtures + QStringLiteral("/media/media.json"));
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QJsonObject video
            = QJsonDocument::fromJson(file.readAll()).object().value(QStringLiteral("video")).toObject();
        const auto frames = dict->find("video/frames_rgb_u8");
        QVERIFY(frames != dict->end());
        QCOMPARE(frames->second.scalar_type(), at::kByte);
        QCOMPARE(frames->second.sizes().vec(),
            (std::vector<std::int64_t> {video.value(QStringLiteral("num_frames")).toInteger(),
                video.value(QStringLiteral("height")).toInteger(),
                video.value(QStringLiteral("width")).toInteger(), 3}));
        int pixels = 0;
        for (const auto &[name, tensor] : *dict) {
            if (name.size() > 6 && name.compare(name.size() - 6, 6, "/pixel") == 0) {
                QCOMPARE(tensor.dim(), 5);
                QCOMPARE(tensor.scalar_type(), at::kFloat);
                ++pixels;
            }
        }
        QVERIFY(pixels >= 2);
    }

    void copiedAndMappedTensorsAreEqual()
    {
        StateDictOptions copy;
        copy.mapFile = false;
        const StateDict mapped = load(QStringLiteral("tiny-b/qa.pth"));
        const StateDict copied = load(QStringLiteral("tiny-b/qa.pth"), copy);
        QVERIFY(!mapped.empty());
        QCOMPARE(copied.size(), mapped.size());
        for (const auto &[name, tensor] : mapped)
            QVERIFY2(torch::equal(copied.at(name), tensor), name.c_str());
    }

    void writingToAMappedTensorLeavesTheFileAlone()
    {
        const QString file = QStringLiteral("tiny-b/caption.pth");
        StateDict first = load(file);
        QVERIFY(!first.empty());
        at::Tensor &victim = first.begin()->second;
        const at::Tensor before = victim.clone();
        victim.add_(1);
        const StateDict second = load(file);
        QVERIFY(torch::equal(second.at(first.begin()->first), before));
    }

    void positionalEmbeddingIsResizedBilinearly()
    {
        const StateDict original = load(QStringLiteral("tiny-a/caption.pth"));
        const at::Tensor embedding = original.at("visual_encoder.visual.positional_embedding");
        const auto side = static_cast<std::int64_t>(std::lround(std::sqrt(double(embedding.size(0) - 1))));
        for (const std::int64_t newSide : {side, side + 2, side - 1}) {
            StateDictOptions options;
            options.visualGridSide = static_cast<int>(newSide);
            const StateDict resized = load(QStringLiteral("tiny-a/caption.pth"), options);
            const at::Tensor got = resized.at("visual_encoder.visual.positional_embedding");
            QCOMPARE(
                got.sizes().vec(), (std::vector<std::int64_t> {1 + newSide * newSide, embedding.size(1)}));
            const double diff
                = (got.to(at::kDouble) - referenceResize(embedding, newSide)).abs().max().item<double>();
            QVERIFY2(diff < 1e-6, qPrintable(QString::number(diff)));
        }
    }

    void shapesComeWithoutData()
    {
        auto index = CheckpointIndex::open(fixture(QStringLiteral("tiny-a/qa.pth")));
        QVERIFY(index);
        StateDictOptions options;
        options.visualGridSide = 7;
        auto shapes = loadStateDictShapes(*index, options);
        QVERIFY(shapes);
        const StateDict weights = load(QStringLiteral("tiny-a/qa.pth"), options);
        QCOMPARE(shapes->size(), weights.size());
        for (const auto &[name, tensor] : weights) {
            const at::Tensor &shape = shapes->at(name);
            QVERIFY(shape.is_meta());
            QCOMPARE(shape.sizes(), tensor.sizes());
            QCOMPARE(shape.scalar_type(), tensor.scalar_type());
        }
        QCOMPARE(shapes->at("visual_encoder.visual.positional_embedding").size(0), 50);
    }

    void missingFileNamesThePath()
    {
        const auto result = loadStateDict("/nonexistent/dir/model.pth");
        QVERIFY(!result);
        QCOMPARE(result.error().code, mplug2::ErrorCode::NotFound);
        QVERIFY(result.error().message.find("/nonexistent/dir/model.pth") != std::string::npos);
    }
};

QTEST_GUILESS_MAIN(StateDictTest)
#include "statedicttest.moc"
