// The restricted unpickler: torch.save's opcodes, inert placeholders for
// every global it does not know (nothing runs: no marker file appears), and
// clear errors for lies, truncation and limits.
#include "model/checkpoint/unpickler.h"

#include "model/checkpoint/picklewriter.h"

#include <QTemporaryDir>
#include <QTest>

#include <filesystem>

using namespace mplug2::model;

namespace {

/// _rebuild_tensor_v2(('storage', FloatStorage, key, 'cpu', numel), offset, sizes, strides, False,
/// OrderedDict())
void writeTensor(PickleWriter &p, const std::string &key, std::int64_t numel, std::int64_t offset,
    const std::vector<std::int64_t> &sizes, const std::vector<std::int64_t> &strides,
    const std::string &storageType = "FloatStorage")
{
    p.global("torch._utils", "_rebuild_tensor_v2").mark();
    p.mark().string("storage").global("torch", storageType).string(key).string("cpu").integer(numel).tuple();
    p.persistentId().integer(offset).intTuple(sizes).intTuple(strides).boolean(false);
    p.global("collections", "OrderedDict").emptyTuple().reduce().tuple().reduce();
}

std::vector<std::uint8_t> stateDictPickle()
{
    PickleWriter p;
    p.proto().emptyDict().string("model").global("collections", "OrderedDict").emptyTuple().reduce().mark();
    p.string("a.weight");
    writeTensor(p, "0", 6, 0, {2, 3}, {3, 1});
    p.string("a.bias");
    writeTensor(p, "0", 6, 4, {2}, {1});
    p.setItems().setItem().stop();
    return p.take();
}

mplug2::Expected<PickleGraph> parse(const std::vector<std::uint8_t> &bytes, const UnpickleLimits &limits = {})
{
    return unpickle(bytes, "test.pkl", limits);
}

const PickleNode &member(const PickleGraph &g, PickleId dict, const std::string &key)
{
    const PickleNode &d = g.node(dict);
    for (std::size_t i = 0; i + 1 < d.items.size(); i += 2) {
        if (g.node(d.items[i]).text == key)
            return g.node(d.items[i + 1]);
    }
    static const PickleNode none;
    return none;
}

} // namespace

class UnpicklerTest : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void readsATorchStateDict()
    {
        auto g = parse(stateDictPickle());
        QVERIFY2(g, g ? "" : g.error().message.c_str());
        QCOMPARE(g->node(g->root).kind, PickleKind::Dict);
        QCOMPARE(g->storages.size(), size_t(1)); // both tensors name storage "0"
        QCOMPARE(g->tensors.size(), size_t(2));
        const PickledTensor &bias = g->tensors[1];
        QCOMPARE(bias.storageOffset, std::uint64_t(4));
        QCOMPARE(bias.extent, std::uint64_t(6));
        QCOMPARE(bias.sizes, std::vector<std::int64_t> {2});
        const PickleNode &model = member(*g, g->root, "model");
        QCOMPARE(model.kind, PickleKind::Dict);
        QCOMPARE(model.items.size(), size_t(4));
        QCOMPARE(describePickleNode(*g, model.items[1]), std::string("tensor float32 [2, 3]"));
    }

    void unknownGlobalsAreInertPlaceholders()
    {
        QTemporaryDir dir;
        const std::string marker = (dir.path() + QStringLiteral("/marker")).toStdString();
        PickleWriter p;
        p.proto().emptyDict().mark();
        p.string("system").global("os", "system").mark().string("touch " + marker).tuple().reduce();
        p.string("eval")
            .global("builtins", "eval")
            .mark()
            .string("open('" + marker + "', 'w')")
            .tuple()
            .reduce();
        p.string("exec").global("builtins", "exec").mark().string("import os").tuple().reduce();
        // argparse.Namespace via NEWOBJ + BUILD, as configs are pickled.
        p.string("config").global("argparse", "Namespace").emptyTuple().raw({0x81}).emptyDict();
        p.string("lr").integer(3).setItem().build();
        p.setItems().stop();
        auto g = parse(p.bytes());
        QVERIFY2(g, g ? "" : g.error().message.c_str());
        QVERIFY(!std::filesystem::exists(marker));
        const PickleNode &system = member(*g, g->root, "system");
        QCOMPARE(system.kind, PickleKind::Object);
        QCOMPARE(g->node(system.first).text, std::string("os.system"));
        QCOMPARE(g->node(g->node(system.second).items.at(0)).text, "touch " + marker);
        QCOMPARE(member(*g, g->root, "eval").kind, PickleKind::Object);
        const PickleNode &config = member(*g, g->root, "config");
        QCOMPARE(config.kind, PickleKind::Object);
        QCOMPARE(g->node(config.third).kind, PickleKind::Dict); // BUILD state kept, not applied
    }

    void protocolFourOpcodes()
    {
        PickleWriter p;
        p.proto(4).raw({0x95, 60, 0, 0, 0, 0, 0, 0, 0}); // FRAME
        p.raw({0x8c, 3, 'a', 'b', 'c', 0x94}); // SHORT_BINUNICODE + MEMOIZE
        p.raw({0x8c, 11}).raw({'c', 'o', 'l', 'l', 'e', 'c', 't', 'i', 'o', 'n', 's'});
        p.raw({0x8c, 11}).raw({'O', 'r', 'd', 'e', 'r', 'e', 'd', 'D', 'i', 'c', 't', 0x93}); // STACK_GLOBAL
        p.emptyTuple().reduce(); // -> dict
        p.get(0).raw({'G', 0x40, 0x09, 0x21, 0xfb, 0x54, 0x44, 0x2d, 0x18}).setItem(); // 'abc': pi
        p.raw({0x8a, 1, 0xff, 0x8a, 2, 0x00, 0x80, 'J', 0xfe, 0xff, 0xff, 0xff}); // -1, -32768, -2
        p.raw({0x87}); // TUPLE3
        p.raw({0x8f, '(', 'K', 1, 'K', 2, 0x90}); // EMPTY_SET, ADDITEMS
        p.raw({'(', 'K', 7, 0x91}); // FROZENSET
        p.raw({']', '(', 'K', 1, 'K', 2, 'e', '2', '0'}); // list APPENDS, DUP, POP
        p.raw({'(', 'N', '1'}); // POP_MARK
        p.raw({'C', 2, 'h', 'i', 0x8b, 9, 0, 0, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9}); // SHORT_BINBYTES, LONG4 (big)
        p.raw({'(', 'X', 1, 0, 0, 0, 'k', 'K', 5, 'd'}); // DICT
        p.raw({0x86, 0x86, 0x86, 0x86}).stop();
        auto g = parse(p.bytes());
        QVERIFY2(g, g ? "" : g.error().message.c_str());
        QVERIFY(g->node(g->root).kind == PickleKind::Tuple);
        // Find the ints -1, -32768, -2 and pi somewhere in the arena.
        bool sawMinusOne = false, sawMinus32768 = false, sawMinusTwo = false, sawPi = false, sawBig = false;
        for (const PickleNode &n : g->nodes) {
            sawMinusOne |= n.kind == PickleKind::Int && n.integer == -1;
            sawMinus32768 |= n.kind == PickleKind::Int && n.integer == -32768;
            sawMinusTwo |= n.kind == PickleKind::Int && n.integer == -2;
            sawPi |= n.kind == PickleKind::Float && n.real > 3.14159 && n.real < 3.1416;
            sawBig |= n.kind == PickleKind::BigInt;
        }
        QVERIFY(sawMinusOne && sawMinus32768 && sawMinusTwo && sawPi && sawBig);
    }

    void everyTruncationIsAnError()
    {
        const auto bytes = stateDictPickle();
        for (std::size_t n = 0; n < bytes.size(); ++n) {
            const std::vector<std::uint8_t> cut(
                bytes.begin(), bytes.begin() + static_cast<std::ptrdiff_t>(n));
            QVERIFY2(!parse(cut), qPrintable(QString::number(n)));
        }
    }

    void lengthLiesAreCaught()
    {
        PickleWriter p;
        p.proto().raw({'X', 0xff, 0xff, 0xff, 0x7f, 'a', 'b'});
        auto g = parse(p.bytes());
        QVERIFY(!g);
        QVERIFY2(g.error().message.find("past the end") != std::string::npos, g.error().message.c_str());
        PickleWriter q;
        q.proto(4).raw({0x8d, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 'x'}); // BINUNICODE8
        QVERIFY(!parse(q.bytes()));
        PickleWriter r;
        r.proto(4).raw({0x95, 0xff, 0xff, 0, 0, 0, 0, 0, 0}); // FRAME longer than the data
        QVERIFY(!parse(r.bytes()));
    }

    void deepNestingHitsTheLimit()
    {
        PickleWriter p;
        p.proto();
        for (int i = 0; i < 100000; ++i)
            p.mark();
        auto g = parse(p.bytes());
        QVERIFY(!g);
        QCOMPARE(g.error().code, mplug2::ErrorCode::LimitExceeded);
        PickleWriter lists;
        lists.proto();
        for (int i = 0; i < 100000; ++i)
            lists.emptyList();
        for (int i = 0; i < 99999; ++i)
            lists.append();
        lists.stop();
        UnpickleLimits small;
        small.maxNodes = 1000;
        auto nested = parse(lists.bytes(), small);
        QVERIFY(!nested);
        QCOMPARE(nested.error().code, mplug2::ErrorCode::LimitExceeded);
        QVERIFY(parse(lists.bytes())); // deep nesting within the default limits is fine
    }

    void stackAndMemoMisuseAreErrors()
    {
        QVERIFY(!parse(PickleWriter().proto().reduce().stop().bytes())); // underflow
        QVERIFY(!parse(PickleWriter().proto().get(7).stop().bytes())); // unknown memo
        QVERIFY(!parse(PickleWriter().proto().none().setItem().stop().bytes()));
        QVERIFY(!parse(PickleWriter().proto().raw({'1'}).stop().bytes())); // POP_MARK without MARK
        QVERIFY(!parse(PickleWriter().proto().mark().none().raw({'d'}).stop().bytes())); // odd DICT
        QVERIFY(!parse(PickleWriter().proto().none().none().append().stop().bytes()));
        auto ext = parse(PickleWriter().proto().raw({0x82, 1}).stop().bytes()); // EXT1
        QVERIFY(!ext);
        QCOMPARE(ext.error().code, mplug2::ErrorCode::Unsupported);
        QVERIFY(!parse(PickleWriter().proto(6).none().stop().bytes()));
        QVERIFY(!parse(PickleWriter().proto().none().bytes())); // no STOP
    }

    void tensorRecordsAreChecked()
    {
        auto tensorPickle = [](std::int64_t numel, std::int64_t offset, std::vector<std::int64_t> sizes,
                                std::vector<std::int64_t> strides) {
            PickleWriter p;
            p.proto();
            writeTensor(p, "0", numel, offset, sizes, strides);
            return p.stop().take();
        };
        QVERIFY(parse(tensorPickle(6, 0, {2, 3}, {3, 1})));
        QVERIFY(parse(tensorPickle(1, 0, {1000, 1000}, {0, 0}))); // expanded view: one element
        QVERIFY(parse(tensorPickle(0, 99, {0, 5}, {5, 1}))); // empty tensor
        const auto tooSmall = parse(tensorPickle(5, 0, {2, 3}, {3, 1}));
        QVERIFY(!tooSmall);
        QVERIFY2(tooSmall.error().message.find("reaches element 6") != std::string::npos,
            tooSmall.error().message.c_str());
        QVERIFY(!parse(tensorPickle(6, 1, {2, 3}, {3, 1})));
        QVERIFY(!parse(tensorPickle(6, 0, {2, 3}, {1})));
        QVERIFY(!parse(tensorPickle(6, -1, {2}, {1})));
        QVERIFY(!parse(tensorPickle(6, 0, {-2}, {1})));
        QVERIFY(!parse(tensorPickle(1ll << 40, 0, {1ll << 40, 1ll << 40}, {1ll << 40, 1})));
        QVERIFY(!parse(tensorPickle(std::numeric_limits<std::int64_t>::max(), 0, {1ll << 62, 4}, {4, 1})));

        PickleWriter unknownType;
        unknownType.proto();
        writeTensor(unknownType, "0", 4, 0, {4}, {1}, "QInt8Storage");
        QCOMPARE(parse(unknownType.stop().bytes()).error().code, mplug2::ErrorCode::Unsupported);

        PickleWriter twoTypes;
        twoTypes.proto().mark();
        writeTensor(twoTypes, "0", 4, 0, {4}, {1});
        writeTensor(twoTypes, "0", 4, 0, {4}, {1}, "HalfStorage");
        const auto conflict = parse(twoTypes.tuple().stop().bytes());
        QVERIFY(!conflict);
        QVERIFY(conflict.error().message.find("declared twice") != std::string::npos);
    }

    void parametersAndTypedRebuildsUnwrap()
    {
        PickleWriter p;
        p.proto().mark();
        p.global("torch._utils", "_rebuild_parameter").mark();
        writeTensor(p, "0", 4, 0, {4}, {1});
        p.boolean(true).global("collections", "OrderedDict").emptyTuple().reduce().tuple().reduce();
        p.global("torch._tensor", "_rebuild_from_type_v2").mark();
        p.global("torch._utils", "_rebuild_tensor_v2").global("torch", "Tensor");
        p.mark().mark().string("storage").global("torch", "HalfStorage").string("1").string("cpu").integer(2);
        p.tuple().persistentId().integer(0).intTuple({2}).intTuple({1}).boolean(false);
        p.global("collections", "OrderedDict").emptyTuple().reduce().tuple();
        p.emptyDict().tuple().reduce();
        p.tuple().stop();
        auto g = parse(p.bytes());
        QVERIFY2(g, g ? "" : g.error().message.c_str());
        const PickleNode &root = g->node(g->root);
        QCOMPARE(root.items.size(), size_t(2));
        QCOMPARE(g->node(root.items[0]).kind, PickleKind::Tensor);
        QCOMPARE(g->node(root.items[1]).kind, PickleKind::Tensor);
        QCOMPARE(g->tensors[g->node(root.items[1]).first].type, ElementType::Float16);
    }
};

QTEST_GUILESS_MAIN(UnpicklerTest)
#include "unpicklertest.moc"
