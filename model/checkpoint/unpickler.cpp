#include "model/checkpoint/unpickler.h"

#include "model/checkpoint/bytereader.h"

#include <cstdio>
#include <cstring>
#include <new>
#include <unordered_map>

namespace mplug2::model {

namespace {

/// Thrown inside this file only; unpickle() turns it into an Error value.
/// Keeps element count x element size (at most 16) far from overflowing.
constexpr std::uint64_t kMaxTensorElements = 1ull << 58;

struct PickleFailure {
    ErrorCode code;
    std::string message;
};

class Unpickler {
public:
    Unpickler(std::span<const std::uint8_t> data, const std::string &name, const UnpickleLimits &limits)
        : m_reader(data)
        , m_name(name)
        , m_limits(limits)
    { }

    PickleGraph run()
    {
        for (std::uint64_t ops = 0;; ++ops) {
            if (ops >= m_limits.maxOps)
                limit("more than " + std::to_string(m_limits.maxOps) + " opcodes");
            m_opcodeOffset = m_reader.position();
            std::uint8_t opcode = 0;
            if (!m_reader.readU8(opcode))
                fail("the pickle ends without a STOP opcode (truncated?)");
            if (opcode == '.') {
                m_graph.root = pop();
                m_graph.byteLength = m_reader.position();
                return std::move(m_graph);
            }
            step(opcode);
        }
    }

private:
    [[noreturn]] void fail(const std::string &what, ErrorCode code = ErrorCode::Format) const
    {
        throw PickleFailure {code,
            "'" + m_name + "': pickle data: " + what + " (at byte " + std::to_string(m_opcodeOffset) + ")"};
    }
    [[noreturn]] void limit(const std::string &what) const { fail(what, ErrorCode::LimitExceeded); }

    // --- reading ------------------------------------------------------------
    template<typename T> T read(bool (ByteReader::*reader)(T &))
    {
        T value {};
        if (!(m_reader.*reader)(value))
            fail("the pickle is truncated");
        return value;
    }
    std::uint8_t u8() { return read(&ByteReader::readU8); }
    std::uint16_t u16() { return read(&ByteReader::readU16); }
    std::uint32_t u32() { return read(&ByteReader::readU32); }
    std::uint64_t u64() { return read(&ByteReader::readU64); }

    std::span<const std::uint8_t> view(std::uint64_t length)
    {
        std::span<const std::uint8_t> out;
        if (!m_reader.readView(length, out))
            fail("a length of " + std::to_string(length) + " bytes runs past the end of the pickle ("
                + std::to_string(m_reader.remaining()) + " left)");
        return out;
    }

    std::string text(std::uint64_t length)
    {
        if (length > m_reader.remaining())
            view(length); // fails with the length message
        m_stringBytes += length;
        if (m_stringBytes > m_limits.maxStringBytes)
            limit("more than " + std::to_string(m_limits.maxStringBytes) + " bytes of strings");
        const auto bytes = view(length);
        return std::string(reinterpret_cast<const char *>(bytes.data()), bytes.size());
    }

    std::string line()
    {
        std::string out;
        for (;;) {
            const char c = static_cast<char>(u8());
            if (c == '\n')
                return out;
            if (out.size() >= m_limits.maxLineBytes)
                limit("a GLOBAL name longer than " + std::to_string(m_limits.maxLineBytes) + " bytes");
            out.push_back(c);
        }
    }

    // --- nodes and the stack ------------------------------------------------
    PickleId add(PickleKind kind)
    {
        if (m_graph.nodes.size() >= m_limits.maxNodes)
            limit("more than " + std::to_string(m_limits.maxNodes) + " values");
        m_graph.nodes.emplace_back().kind = kind;
        return static_cast<PickleId>(m_graph.nodes.size() - 1);
    }
    PickleNode &at(PickleId id) { return m_graph.nodes[id]; }

    void push(PickleId id)
    {
        if (m_stack.size() >= m_limits.maxStack)
            limit("a stack deeper than " + std::to_string(m_limits.maxStack));
        m_stack.push_back(id);
    }
    std::size_t stackFloor() const { return m_marks.empty() ? 0 : m_marks.back(); }
    PickleId pop()
    {
        if (m_stack.size() <= stackFloor())
            fail("stack underflow");
        const PickleId id = m_stack.back();
        m_stack.pop_back();
        return id;
    }
    PickleId top()
    {
        if (m_stack.size() <= stackFloor())
            fail("stack underflow");
        return m_stack.back();
    }
    std::vector<PickleId> popMark()
    {
        if (m_marks.empty())
            fail("no MARK to pop to");
        const std::size_t mark = m_marks.back();
        m_marks.pop_back();
        std::vector<PickleId> items(m_stack.begin() + static_cast<std::ptrdiff_t>(mark), m_stack.end());
        m_stack.resize(mark);
        return items;
    }

    PickleId makeContainer(PickleKind kind, std::vector<PickleId> items)
    {
        if (kind == PickleKind::Dict && items.size() % 2 != 0)
            fail("DICT with an odd number of items");
        const PickleId id = add(kind);
        at(id).items = std::move(items);
        return id;
    }
    PickleId makeInt(std::int64_t value)
    {
        const PickleId id = add(PickleKind::Int);
        at(id).integer = value;
        return id;
    }

    void memoPut(std::uint64_t index, PickleId value)
    {
        if (!m_memo.count(index) && m_memo.size() >= m_limits.maxMemo)
            limit("a memo with more than " + std::to_string(m_limits.maxMemo) + " entries");
        m_memo[index] = value;
    }
    PickleId memoGet(std::uint64_t index)
    {
        const auto it = m_memo.find(index);
        if (it == m_memo.end())
            fail("memo entry " + std::to_string(index) + " was never stored");
        return it->second;
    }

    // --- opcodes --------------------------------------------------------------
    void step(std::uint8_t opcode)
    {
        switch (opcode) {
        case 0x80: // PROTO
            if (u8() > 5)
                fail("pickle protocol newer than 5", ErrorCode::Unsupported);
            return;
        case 0x95: // FRAME: only a hint for buffering readers
            if (u64() > m_reader.remaining())
                fail("a FRAME longer than the rest of the pickle");
            return;
        case '(':
            if (m_marks.size() >= m_limits.maxMarks)
                limit("more than " + std::to_string(m_limits.maxMarks) + " nested MARKs");
            m_marks.push_back(m_stack.size());
            return;
        case '0': // POP: like CPython, an empty frame pops the mark itself
            if (m_stack.size() > stackFloor())
                m_stack.pop_back();
            else
                popMark();
            return;
        case '1':
            popMark();
            return;
        case '2':
            push(top());
            return;
        case 'N':
            push(add(PickleKind::None));
            return;
        case 0x88:
        case 0x89: {
            const PickleId id = add(PickleKind::Bool);
            at(id).integer = opcode == 0x88;
            push(id);
            return;
        }
        case 'J':
            push(makeInt(static_cast<std::int32_t>(u32())));
            return;
        case 'K':
            push(makeInt(u8()));
            return;
        case 'M':
            push(makeInt(u16()));
            return;
        case 0x8a:
            pushLong(u8());
            return;
        case 0x8b:
            pushLong(u32());
            return;
        case 'G': {
            const PickleId id = add(PickleKind::Float);
            const auto bytes = view(8); // big-endian IEEE 754
            std::uint64_t bits = 0;
            for (const std::uint8_t b : bytes)
                bits = (bits << 8) | b;
            std::memcpy(&at(id).real, &bits, sizeof(double));
            push(id);
            return;
        }
        case 'X':
            pushString(u32());
            return;
        case 0x8c:
            pushString(u8());
            return;
        case 0x8d:
            pushString(u64());
            return;
        case 'T':
            pushString(u32());
            return; // Python 2 str, as written by old torch
        case 'U':
            pushString(u8());
            return;
        case 'B':
            pushBytes(u32());
            return;
        case 'C':
            pushBytes(u8());
            return;
        case 0x8e:
            pushBytes(u64());
            return;
        case 0x96:
            pushBytes(u64());
            return; // BYTEARRAY8
        case ')':
            push(add(PickleKind::Tuple));
            return;
        case 't':
            push(makeContainer(PickleKind::Tuple, popMark()));
            return;
        case 0x85:
        case 0x86:
        case 0x87: {
            std::vector<PickleId> items(static_cast<std::size_t>(opcode - 0x84));
            for (auto it = items.rbegin(); it != items.rend(); ++it)
                *it = pop();
            push(makeContainer(PickleKind::Tuple, std::move(items)));
            return;
        }
        case ']':
            push(add(PickleKind::List));
            return;
        case 'l':
            push(makeContainer(PickleKind::List, popMark()));
            return;
        case '}':
            push(add(PickleKind::Dict));
            return;
        case 'd':
            push(makeContainer(PickleKind::Dict, popMark()));
            return;
        case 0x8f:
            push(add(PickleKind::Set));
            return;
        case 0x91:
            push(makeContainer(PickleKind::Set, popMark()));
            return;
        case 'a': {
            const PickleId value = pop();
            appendTo(top(), {value});
            return;
        }
        case 'e': {
            auto items = popMark();
            appendTo(top(), items);
            return;
        }
        case 0x90: {
            auto items = popMark();
            if (at(top()).kind != PickleKind::Set)
                fail("ADDITEMS on something that is not a set");
            appendTo(top(), items);
            return;
        }
        case 's': {
            const PickleId value = pop();
            const PickleId key = pop();
            setItems(top(), {key, value});
            return;
        }
        case 'u': {
            auto items = popMark();
            if (items.size() % 2 != 0)
                fail("SETITEMS with an odd number of items");
            setItems(top(), items);
            return;
        }
        case 'c': {
            std::string module = line();
            std::string name = line();
            push(makeGlobal(module, name));
            return;
        }
        case 0x93: { // STACK_GLOBAL
            const PickleId name = pop();
            const PickleId module = pop();
            if (at(name).kind != PickleKind::String || at(module).kind != PickleKind::String)
                fail("STACK_GLOBAL needs two strings");
            push(makeGlobal(at(module).text, at(name).text));
            return;
        }
        case 'R': {
            const PickleId args = pop();
            const PickleId callable = pop();
            push(reduce(callable, args, 0));
            return;
        }
        case 0x81: { // NEWOBJ
            const PickleId args = pop();
            const PickleId cls = pop();
            push(makeObject(cls, args));
            return;
        }
        case 0x92: { // NEWOBJ_EX
            pop(); // kwargs
            const PickleId args = pop();
            const PickleId cls = pop();
            push(makeObject(cls, args));
            return;
        }
        case 'b': { // BUILD: remembered on placeholders, ignored elsewhere
            const PickleId state = pop();
            if (at(top()).kind == PickleKind::Object)
                at(top()).third = state;
            return;
        }
        case 'q':
            memoPut(u8(), top());
            return;
        case 'r':
            memoPut(u32(), top());
            return;
        case 0x94:
            memoPut(m_memo.size(), top());
            return;
        case 'h':
            push(memoGet(u8()));
            return;
        case 'j':
            push(memoGet(u32()));
            return;
        case 'Q':
            push(persistentLoad(pop()));
            return;
        default:
            break;
        }
        char hex[8];
        std::snprintf(hex, sizeof hex, "0x%02x", opcode);
        fail(std::string("unsupported pickle opcode ") + hex, ErrorCode::Unsupported);
    }

    void pushLong(std::uint64_t length)
    {
        const auto bytes = view(length);
        if (length > 8) {
            push(add(PickleKind::BigInt));
            return;
        }
        std::uint64_t value = 0;
        for (std::size_t i = 0; i < bytes.size(); ++i)
            value |= static_cast<std::uint64_t>(bytes[i]) << (8 * i);
        if (length > 0 && length < 8 && (bytes.back() & 0x80))
            value |= ~std::uint64_t {0} << (8 * length); // sign-extend
        push(makeInt(static_cast<std::int64_t>(value)));
    }

    void pushString(std::uint64_t length)
    {
        std::string value = text(length);
        const PickleId id = add(PickleKind::String);
        at(id).text = std::move(value);
        push(id);
    }

    void pushBytes(std::uint64_t length)
    {
        const auto bytes = view(length);
        const PickleId id = add(PickleKind::Bytes);
        at(id).bytes = bytes;
        push(id);
    }

    void appendTo(PickleId target, const std::vector<PickleId> &items)
    {
        PickleNode &node = at(target);
        if (node.kind == PickleKind::Object)
            return; // a placeholder's list-like contents are not needed
        if (node.kind != PickleKind::List && node.kind != PickleKind::Set)
            fail("APPEND to something that is not a list");
        node.items.insert(node.items.end(), items.begin(), items.end());
    }

    void setItems(PickleId target, const std::vector<PickleId> &pairs)
    {
        PickleNode &node = at(target);
        if (node.kind != PickleKind::Dict && node.kind != PickleKind::Object)
            fail("SETITEM on something that is not a dict");
        node.items.insert(node.items.end(), pairs.begin(), pairs.end());
    }

    PickleId makeGlobal(std::string module, std::string name) // by value: add() may move node texts
    {
        const PickleId id = add(PickleKind::Global);
        PickleNode &node = at(id);
        node.text = module + "." + name;
        if (module == "collections" && name == "OrderedDict") {
            node.role = GlobalRole::OrderedDict;
        } else if (module == "torch._utils" && (name == "_rebuild_tensor_v2" || name == "_rebuild_tensor")) {
            node.role = GlobalRole::RebuildTensor;
        } else if (module == "torch._utils"
            && (name == "_rebuild_parameter" || name == "_rebuild_parameter_with_state")) {
            node.role = GlobalRole::RebuildParameter;
        } else if (module == "torch._tensor" && name == "_rebuild_from_type_v2") {
            node.role = GlobalRole::RebuildFromType;
        } else if (module == "torch") {
            if (const auto type = elementTypeFromStorageName(name)) {
                node.role = GlobalRole::StorageType;
                node.elementType = *type;
            }
        }
        return id;
    }

    PickleId makeObject(PickleId callable, PickleId args)
    {
        const PickleId id = add(PickleKind::Object);
        at(id).first = callable;
        at(id).second = args;
        return id;
    }

    const std::vector<PickleId> &tupleItems(PickleId id, const char *what)
    {
        if (at(id).kind != PickleKind::Tuple)
            fail(std::string("the arguments of ") + what + " are not a tuple");
        return at(id).items;
    }

    PickleId reduce(PickleId callable, PickleId args, int depth)
    {
        const PickleNode &fn = at(callable);
        if (fn.kind != PickleKind::Global || depth > 4)
            return makeObject(callable, args);
        switch (fn.role) {
        case GlobalRole::OrderedDict:
            if (tupleItems(args, "OrderedDict").empty())
                return add(PickleKind::Dict);
            break;
        case GlobalRole::RebuildTensor:
            return makeTensor(tupleItems(args, "_rebuild_tensor_v2"));
        case GlobalRole::RebuildParameter: {
            const auto &items = tupleItems(args, "_rebuild_parameter");
            if (!items.empty() && at(items[0]).kind == PickleKind::Tensor)
                return items[0];
            break;
        }
        case GlobalRole::RebuildFromType: {
            const auto items = tupleItems(args, "_rebuild_from_type_v2");
            if (items.size() >= 3)
                return reduce(items[0], items[2], depth + 1);
            break;
        }
        case GlobalRole::StorageType:
        case GlobalRole::Unknown:
            break;
        }
        return makeObject(callable, args);
    }

    std::int64_t intItem(PickleId id, const char *what)
    {
        if (at(id).kind != PickleKind::Int)
            fail(std::string("a tensor record has a non-integer ") + what);
        return at(id).integer;
    }

    std::vector<std::int64_t> intTuple(PickleId id, const char *what)
    {
        if (at(id).kind != PickleKind::Tuple)
            fail(std::string("a tensor record's ") + what + " is not a tuple");
        if (at(id).items.size() > m_limits.maxTensorDims)
            limit(std::string("a tensor with more than ") + std::to_string(m_limits.maxTensorDims)
                + " dimensions");
        std::vector<std::int64_t> out;
        for (const PickleId item : at(id).items) {
            const std::int64_t v = intItem(item, what);
            if (v < 0)
                fail(std::string("a tensor record has a negative ") + what);
            out.push_back(v);
        }
        return out;
    }

    PickleId makeTensor(std::vector<PickleId> args) // by value: add() may move node items
    {
        if (args.size() < 4)
            fail("a tensor record has fewer than 4 fields");
        if (at(args[0]).kind != PickleKind::Storage)
            fail("a tensor record does not refer to a storage");
        const PickledStorageView view = m_graph.storageViews[at(args[0]).first];
        const std::int64_t offset = intItem(args[1], "storage offset");
        PickledTensor tensor;
        tensor.sizes = intTuple(args[2], "size");
        tensor.strides = intTuple(args[3], "stride");
        if (offset < 0 || tensor.sizes.size() != tensor.strides.size())
            fail("a tensor record has a negative offset or sizes and strides of different lengths");
        // Highest element index touched + 1, computed without overflow.
        std::uint64_t extent = 1, last = static_cast<std::uint64_t>(offset), numel = 1;
        for (std::size_t d = 0; d < tensor.sizes.size(); ++d) {
            const auto size = static_cast<std::uint64_t>(tensor.sizes[d]);
            std::uint64_t step = 0;
            if (!multiplyWithinLimit(numel, size, numel) || numel > kMaxTensorElements
                || (size > 0
                    && (!multiplyWithinLimit(size - 1, static_cast<std::uint64_t>(tensor.strides[d]), step)
                        || !addWithinLimit(last, step, last))))
                fail("a tensor record's size overflows");
        }
        extent = numel == 0 ? 0 : last + 1;
        if (extent > view.elementCount)
            fail("a tensor of " + std::to_string(numel) + " elements reaches element "
                + std::to_string(extent) + " of a storage that holds " + std::to_string(view.elementCount));
        tensor.storage = view.storage;
        // An empty tensor's offset points nowhere; keep it inside the storage.
        tensor.storageOffset = numel == 0 ? 0 : view.elementOffset + static_cast<std::uint64_t>(offset);
        tensor.extent = extent == 0 ? 0 : view.elementOffset + extent;
        tensor.type = m_graph.storages[view.storage].type;
        const PickleId id = add(PickleKind::Tensor);
        at(id).first = static_cast<PickleId>(m_graph.tensors.size());
        m_graph.tensors.push_back(std::move(tensor));
        return id;
    }

    /// ('storage', type, key, location, numel[, view]) as torch.save writes;
    /// anything else becomes a placeholder.
    PickleId persistentLoad(PickleId pid)
    {
        const PickleNode &node = at(pid);
        if (node.kind != PickleKind::Tuple || node.items.size() < 5
            || at(node.items[0]).kind != PickleKind::String || at(node.items[0]).text != "storage")
            return makeObject(pid, kNoPickleNode);
        const auto items = node.items;
        const PickleNode &type = at(items[1]);
        if (type.kind != PickleKind::Global || type.role != GlobalRole::StorageType)
            fail("a storage of unknown type '" + type.text + "'", ErrorCode::Unsupported);
        if (at(items[2]).kind != PickleKind::String || at(items[3]).kind != PickleKind::String)
            fail("a storage record without a string key and location");
        const std::int64_t numel = intItem(items[4], "storage size");
        if (numel < 0)
            fail("a storage with a negative size");
        const std::string &key = at(items[2]).text;
        auto [it, inserted]
            = m_storageByKey.emplace(key, static_cast<std::uint32_t>(m_graph.storages.size()));
        if (inserted) {
            m_graph.storages.push_back(
                PickledStorage {key, at(items[3]).text, type.elementType, static_cast<std::uint64_t>(numel)});
        } else {
            const PickledStorage &known = m_graph.storages[it->second];
            if (known.type != type.elementType || known.numel != static_cast<std::uint64_t>(numel))
                fail("storage '" + key + "' is declared twice with different types or sizes");
        }
        PickledStorageView view {it->second, 0, static_cast<std::uint64_t>(numel)};
        if (items.size() >= 6 && at(items[5]).kind == PickleKind::Tuple) { // legacy view_metadata
            const auto &meta = at(items[5]).items;
            if (meta.size() != 3)
                fail("a storage view record without (key, offset, size)");
            const std::int64_t offset = intItem(meta[1], "view offset");
            const std::int64_t size = intItem(meta[2], "view size");
            std::uint64_t end = 0;
            if (offset < 0 || size < 0
                || !addWithinLimit(static_cast<std::uint64_t>(offset), static_cast<std::uint64_t>(size), end)
                || end > view.elementCount)
                fail("a storage view reaches past its storage");
            view.elementOffset = static_cast<std::uint64_t>(offset);
            view.elementCount = static_cast<std::uint64_t>(size);
        }
        const PickleId id = add(PickleKind::Storage);
        at(id).first = static_cast<PickleId>(m_graph.storageViews.size());
        m_graph.storageViews.push_back(view);
        return id;
    }

    ByteReader m_reader;
    const std::string &m_name;
    const UnpickleLimits &m_limits;
    PickleGraph m_graph;
    std::vector<PickleId> m_stack;
    std::vector<std::size_t> m_marks;
    std::unordered_map<std::uint64_t, PickleId> m_memo;
    std::unordered_map<std::string, std::uint32_t> m_storageByKey;
    std::uint64_t m_stringBytes = 0;
    std::uint64_t m_opcodeOffset = 0;
};

} // namespace

Expected<PickleGraph> unpickle(
    std::span<const std::uint8_t> data, const std::string &displayName, const UnpickleLimits &limits)
{
    try {
        return Unpickler(data, displayName, limits).run();
    } catch (const PickleFailure &failure) {
        return makeError(failure.code, failure.message);
    } catch (const std::bad_alloc &) {
        return makeError(
            ErrorCode::OutOfMemory, "'" + displayName + "': out of memory while reading the pickle");
    }
}

} // namespace mplug2::model
