// The official key normalisation: which tensors are model weights, under
// which names, and what is left out and why.
#include "model/checkpoint/weightselection.h"

#include "model/checkpoint/checkpointindex.h"
#include "model/checkpoint/torchsavewriter.h"

#include <QTest>

#include <map>

using namespace mplug2::model;

namespace {

struct Built {
    std::vector<std::uint8_t> bytes;
    CheckpointIndex index;
};

/// A checkpoint whose given entry holds one 2-element tensor per name (in order).
std::unique_ptr<Built> build(const std::string &entry, const std::vector<std::string> &names)
{
    TorchSaveWriter writer;
    for (std::size_t i = 0; i < names.size(); ++i) {
        const float values[2] = {float(i), float(i)};
        const auto storage = writer.addStorage(ElementType::Float32,
            std::span<const std::uint8_t>(reinterpret_cast<const std::uint8_t *>(values), 8));
        writer.addTensor(entry, names[i], storage, {2});
    }
    writer.addInteger("epoch", 1);
    MemorySink sink;
    writer.writeZip(sink);
    auto built = std::make_unique<Built>();
    built->bytes = std::move(sink.bytes());
    auto index = CheckpointIndex::parse(built->bytes, "test.pth");
    if (!index)
        qFatal("%s", index.error().message.c_str());
    built->index = std::move(*index);
    return built;
}

/// Selected name -> index of the source tensor (its position in `names`).
std::map<std::string, std::uint32_t> selected(const WeightSelection &s)
{
    std::map<std::string, std::uint32_t> out;
    for (const SelectedTensor &t : s.kept)
        out[t.name] = t.tensor;
    return out;
}

} // namespace

class WeightSelectionTest : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void keyRules()
    {
        QVERIFY(isMomentumKey("visual_encoder_m.visual.proj"));
        QVERIFY(isMomentumKey("text_decoder_m.cls.predictions.bias"));
        QVERIFY(isMomentumKey("vision_proj_m"));
        QVERIFY(!isMomentumKey("visual_encoder.visual.proj"));
        QVERIFY(isMomentumKey("encoder.proj_m.weight"));
        QVERIFY(!isMomentumKey("text_encoder.embeddings.LayerNorm.weight"));
        QVERIFY(isQueueKey("image_queue"));
        QVERIFY(isQueueKey("queue_ptr"));
        QVERIFY(isQueueKey("text_queue.weight"));
        QVERIFY(!isQueueKey("text_encoder.encoder.layer.0.output.dense.weight"));
        QCOMPARE(stripDdpPrefix("module.module.fc.weight"), std::string("fc.weight"));
        QCOMPARE(stripDdpPrefix("modules.fc"), std::string("modules.fc"));
        QCOMPARE(renamePretrainKey("text_encoder.bert.encoder.layer.0.attention.self.query.weight"),
            std::string("text_encoder.encoder.layer.0.attention.self.query.weight"));
        QCOMPARE(renamePretrainKey("fusion_encoder.fusion.encoder.layer.3.output.dense.bias"),
            std::string("fusion_encoder.encoder.layer.3.output.dense.bias"));
        QCOMPARE(renamePretrainKey("text_decoder.bert.encoder.layer.0.attention.self.query.weight"),
            std::string("text_decoder.bert.encoder.layer.0.attention.self.query.weight"));
        QCOMPARE(renamePretrainKey("fusion_encoder.encoder.layer.0.crossattention.output.dense.weight"),
            std::string("fusion_encoder.encoder.layer.0.crossattention.output.dense.weight"));
    }

    void finetunedCheckpointKeepsItsNames()
    {
        const auto b = build("model",
            {"visual_encoder.visual.proj", "visual_encoder_m.visual.proj",
                "text_encoder.embeddings.word_embeddings.weight", "image_queue",
                "fusion_encoder.encoder.layer.0.output.dense.weight"});
        auto s = selectModelWeights(b->index, true);
        QVERIFY(s);
        QCOMPARE(s->sourceEntry, std::string("model"));
        const auto kept = selected(*s);
        QCOMPARE(kept.size(), size_t(3));
        QVERIFY(kept.count("visual_encoder.visual.proj")
            && kept.count("text_encoder.embeddings.word_embeddings.weight")
            && kept.count("fusion_encoder.encoder.layer.0.output.dense.weight"));
        QCOMPARE(s->renamedPretrainKeys, size_t(0));
        std::map<std::string, std::size_t> ignored;
        for (const IgnoredTensors &i : s->ignored)
            ignored[i.reason] = i.count;
        QCOMPARE(ignored["momentum copy (*_m)"], size_t(1));
        QCOMPARE(ignored["queue"], size_t(1));
    }

    void pretrainRenamingFollowsTheOfficialLoop()
    {
        // 0 plain, 1 renamed onto 0's name (wins), 2 plain after a rename of the same name (loses).
        const auto b = build("module",
            {"module.text_encoder.encoder.layer.0.w", "module.text_encoder.bert.encoder.layer.0.w",
                "module.fusion_encoder.encoder.layer.1.w", "module.fusion_encoder.fusion.encoder.layer.1.w",
                "module.text_decoder.bert.embeddings.w"});
        auto s = selectModelWeights(b->index, true);
        QVERIFY(s);
        QCOMPARE(s->sourceEntry, std::string("module"));
        QCOMPARE(s->strippedDdpPrefixes, size_t(5));
        QCOMPARE(s->renamedPretrainKeys, size_t(2));
        const auto kept = selected(*s);
        QCOMPARE(kept.size(), size_t(3));
        QCOMPARE(kept.at("text_encoder.encoder.layer.0.w"), 1u);
        QCOMPARE(kept.at("fusion_encoder.encoder.layer.1.w"), 3u);
        QCOMPARE(kept.at("text_decoder.bert.embeddings.w"), 4u);

        const auto later = build("model", {"text_encoder.bert.layer.w", "text_encoder.layer.w"});
        auto s2 = selectModelWeights(later->index, true);
        QCOMPARE(selected(*s2).at("text_encoder.layer.w"), 0u); // a plain key never replaces a renamed one
    }

    void withoutNormalisationEverythingKeepsItsFullName()
    {
        const auto b = build("model", {"a_m.x", "image_queue"});
        auto s = selectModelWeights(b->index, false);
        QVERIFY(s);
        const auto kept = selected(*s);
        QCOMPARE(kept.size(), size_t(2));
        QVERIFY(kept.count("model.a_m.x") && kept.count("model.image_queue"));
    }
};

QTEST_GUILESS_MAIN(WeightSelectionTest)
#include "weightselectiontest.moc"
