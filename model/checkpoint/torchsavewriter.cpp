#include "model/checkpoint/torchsavewriter.h"

#include "model/checkpoint/picklewriter.h"

#include <algorithm>
#include <cstring>
#include <memory>

namespace mplug2::model {

namespace {

constexpr std::int64_t kLegacyProtocolVersion = 1001;

std::string storageClassName(ElementType type)
{
    switch (type) {
    case ElementType::Float32:
        return "FloatStorage";
    case ElementType::Float64:
        return "DoubleStorage";
    case ElementType::Float16:
        return "HalfStorage";
    case ElementType::BFloat16:
        return "BFloat16Storage";
    case ElementType::Int64:
        return "LongStorage";
    case ElementType::Int32:
        return "IntStorage";
    case ElementType::Int16:
        return "ShortStorage";
    case ElementType::Int8:
        return "CharStorage";
    case ElementType::UInt8:
        return "ByteStorage";
    case ElementType::Bool:
        return "BoolStorage";
    case ElementType::Complex64:
        return "ComplexFloatStorage";
    case ElementType::Complex128:
        return "ComplexDoubleStorage";
    }
    return "FloatStorage";
}

std::vector<std::int64_t> contiguousStrides(const std::vector<std::int64_t> &shape)
{
    std::vector<std::int64_t> strides(shape.size(), 1);
    for (std::size_t d = shape.size(); d-- > 1;)
        strides[d - 1] = strides[d] * std::max<std::int64_t>(shape[d], 1);
    return strides;
}

void writeStorageBytes(ByteSink &sink, std::uint64_t size, const ChunkFiller &fill)
{
    std::vector<std::uint8_t> chunk(static_cast<std::size_t>(std::min<std::uint64_t>(size, 4u << 20)));
    for (std::uint64_t offset = 0; offset < size; offset += chunk.size()) {
        const auto n = static_cast<std::size_t>(std::min<std::uint64_t>(chunk.size(), size - offset));
        fill(offset, std::span<std::uint8_t>(chunk.data(), n));
        sink.write(std::span<const std::uint8_t>(chunk.data(), n));
    }
}

} // namespace

std::uint32_t TorchSaveWriter::addStorage(ElementType type, std::uint64_t numel, ChunkFiller fill)
{
    m_storages.push_back(Storage {type, numel, std::move(fill)});
    return static_cast<std::uint32_t>(m_storages.size() - 1);
}

std::uint32_t TorchSaveWriter::addStorage(ElementType type, std::span<const std::uint8_t> bytes)
{
    auto copy = std::make_shared<std::vector<std::uint8_t>>(bytes.begin(), bytes.end());
    return addStorage(type, bytes.size() / static_cast<std::size_t>(elementSize(type)),
        [copy](std::uint64_t offset, std::span<std::uint8_t> chunk) {
            std::memcpy(chunk.data(), copy->data() + offset, chunk.size());
        });
}

TorchSaveWriter::Entry &TorchSaveWriter::entry(const std::string &name)
{
    for (Entry &e : m_entries) {
        if (e.name == name && !e.isInteger && !e.isTensor)
            return e;
    }
    Entry created;
    created.name = name;
    m_entries.push_back(std::move(created));
    return m_entries.back();
}

void TorchSaveWriter::addTensor(const std::string &entryName, const std::string &name, std::uint32_t storage,
    std::vector<std::int64_t> shape, std::vector<std::int64_t> strides, std::uint64_t storageOffset)
{
    if (strides.empty())
        strides = contiguousStrides(shape);
    Tensor tensor {name, storage, std::move(shape), std::move(strides), storageOffset};
    if (entryName.empty()) {
        Entry e;
        e.name = name;
        e.isTensor = true;
        e.tensors.push_back(std::move(tensor));
        m_entries.push_back(std::move(e));
    } else {
        entry(entryName).tensors.push_back(std::move(tensor));
    }
}

void TorchSaveWriter::addInteger(const std::string &entryName, std::int64_t value)
{
    Entry e;
    e.name = entryName;
    e.isInteger = true;
    e.integer = value;
    m_entries.push_back(std::move(e));
}

std::vector<std::uint8_t> TorchSaveWriter::pickle(bool legacy) const
{
    PickleWriter p;
    auto tensor = [&](const Tensor &t) {
        const Storage &s = m_storages[t.storage];
        p.global("torch._utils", "_rebuild_tensor_v2").mark();
        p.mark()
            .string("storage")
            .global("torch", storageClassName(s.type))
            .string(std::to_string(t.storage));
        p.string("cpu").integer(static_cast<std::int64_t>(s.numel));
        if (legacy)
            p.none();
        p.tuple().persistentId();
        p.integer(static_cast<std::int64_t>(t.storageOffset)).intTuple(t.shape).intTuple(t.strides);
        p.boolean(false).global("collections", "OrderedDict").emptyTuple().reduce();
        p.tuple().reduce();
    };
    p.proto().emptyDict().mark();
    for (const Entry &e : m_entries) {
        p.string(e.name);
        if (e.isInteger) {
            p.integer(e.integer);
        } else if (e.isTensor) {
            tensor(e.tensors.front());
        } else {
            p.global("collections", "OrderedDict").emptyTuple().reduce().mark();
            for (const Tensor &t : e.tensors) {
                p.string(t.name);
                tensor(t);
            }
            p.setItems();
        }
    }
    p.setItems().stop();
    return p.take();
}

void TorchSaveWriter::writeZip(
    ByteSink &sink, const std::string &archiveName, ZipWriter::Options options) const
{
    ZipWriter zip(sink, options);
    zip.addEntry(archiveName + "/data.pkl", pickle(false));
    zip.addEntry(archiveName + "/byteorder",
        std::span<const std::uint8_t>(reinterpret_cast<const std::uint8_t *>("little"), 6));
    for (std::uint32_t i = 0; i < m_storages.size(); ++i) {
        const Storage &s = m_storages[i];
        zip.addEntry(archiveName + "/data/" + std::to_string(i),
            s.numel * static_cast<std::uint64_t>(elementSize(s.type)), s.fill);
    }
    zip.addEntry(archiveName + "/version",
        std::span<const std::uint8_t>(reinterpret_cast<const std::uint8_t *>("3\n"), 2));
    zip.finish();
}

std::vector<std::uint32_t> TorchSaveWriter::legacyStorageOrder() const
{
    // torch writes storages in the order of their sorted (string) keys.
    std::vector<std::uint32_t> order(m_storages.size());
    for (std::uint32_t i = 0; i < order.size(); ++i)
        order[i] = i;
    std::sort(order.begin(), order.end(),
        [](std::uint32_t a, std::uint32_t b) { return std::to_string(a) < std::to_string(b); });
    return order;
}

void TorchSaveWriter::writeLegacy(ByteSink &sink) const
{
    PickleWriter header;
    header.proto().raw({0x8a, 0x0a, 0x6c, 0xfc, 0x9c, 0x46, 0xf9, 0x20, 0x6a, 0xa8, 0x50, 0x19}).stop();
    header.proto().integer(kLegacyProtocolVersion).stop();
    header.proto().emptyDict().mark().string("protocol_version").integer(kLegacyProtocolVersion);
    header.string("little_endian").boolean(true).string("type_sizes").emptyDict().mark();
    header.string("short").integer(2).string("int").integer(4).string("long").integer(4).setItems();
    header.setItems().stop();
    sink.write(header.bytes());
    sink.write(pickle(true));
    const std::vector<std::uint32_t> order = legacyStorageOrder();
    PickleWriter keys;
    keys.proto().emptyList().mark();
    for (const std::uint32_t i : order)
        keys.string(std::to_string(i));
    keys.raw({'e'}).stop(); // APPENDS
    sink.write(keys.bytes());
    for (const std::uint32_t i : order) {
        const Storage &s = m_storages[i];
        std::uint8_t count[8];
        for (int b = 0; b < 8; ++b)
            count[b] = static_cast<std::uint8_t>(s.numel >> (8 * b));
        sink.write(count);
        writeStorageBytes(sink, s.numel * static_cast<std::uint64_t>(elementSize(s.type)), s.fill);
    }
}

Expected<void> TorchSaveWriter::writeZipFile(const std::string &path) const
{
    auto sink = FileSink::create(path);
    if (!sink)
        return sink.error();
    std::string archive = path.substr(path.find_last_of('/') + 1);
    archive = archive.substr(0, archive.find('.'));
    writeZip(**sink, archive.empty() ? "archive" : archive);
    return (*sink)->finish();
}

Expected<void> TorchSaveWriter::writeLegacyFile(const std::string &path) const
{
    auto sink = FileSink::create(path);
    if (!sink)
        return sink.error();
    writeLegacy(**sink);
    return (*sink)->finish();
}

} // namespace mplug2::model
