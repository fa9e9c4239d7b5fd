#include "model/checkpoint/picklewriter.h"

namespace mplug2::model {

PickleWriter &PickleWriter::op(std::uint8_t opcode)
{
    m_bytes.push_back(opcode);
    return *this;
}

PickleWriter &PickleWriter::le(std::uint64_t value, int bytes)
{
    for (int i = 0; i < bytes; ++i)
        m_bytes.push_back(static_cast<std::uint8_t>(value >> (8 * i)));
    return *this;
}

PickleWriter &PickleWriter::proto(std::uint8_t version)
{
    return op(0x80).le(version, 1);
}
PickleWriter &PickleWriter::stop()
{
    return op('.');
}
PickleWriter &PickleWriter::mark()
{
    return op('(');
}
PickleWriter &PickleWriter::none()
{
    return op('N');
}
PickleWriter &PickleWriter::boolean(bool value)
{
    return op(value ? 0x88 : 0x89);
}

PickleWriter &PickleWriter::integer(std::int64_t value)
{
    if (value >= 0 && value < 256)
        return op('K').le(static_cast<std::uint64_t>(value), 1);
    if (value >= 0 && value < 65536)
        return op('M').le(static_cast<std::uint64_t>(value), 2);
    if (value >= INT32_MIN && value <= INT32_MAX)
        return op('J').le(static_cast<std::uint32_t>(static_cast<std::int32_t>(value)), 4);
    return op(0x8a).le(8, 1).le(static_cast<std::uint64_t>(value), 8); // LONG1, 8 bytes two's complement
}

PickleWriter &PickleWriter::string(const std::string &value)
{
    op('X').le(value.size(), 4);
    m_bytes.insert(m_bytes.end(), value.begin(), value.end());
    return *this;
}

PickleWriter &PickleWriter::emptyDict()
{
    return op('}');
}
PickleWriter &PickleWriter::emptyList()
{
    return op(']');
}
PickleWriter &PickleWriter::emptyTuple()
{
    return op(')');
}
PickleWriter &PickleWriter::tuple()
{
    return op('t');
}
PickleWriter &PickleWriter::tuple1()
{
    return op(0x85);
}
PickleWriter &PickleWriter::setItem()
{
    return op('s');
}
PickleWriter &PickleWriter::setItems()
{
    return op('u');
}
PickleWriter &PickleWriter::append()
{
    return op('a');
}
PickleWriter &PickleWriter::reduce()
{
    return op('R');
}
PickleWriter &PickleWriter::build()
{
    return op('b');
}
PickleWriter &PickleWriter::persistentId()
{
    return op('Q');
}

PickleWriter &PickleWriter::global(const std::string &module, const std::string &name)
{
    op('c');
    m_bytes.insert(m_bytes.end(), module.begin(), module.end());
    m_bytes.push_back('\n');
    m_bytes.insert(m_bytes.end(), name.begin(), name.end());
    m_bytes.push_back('\n');
    return *this;
}

PickleWriter &PickleWriter::put(std::uint32_t index)
{
    return index < 256 ? op('q').le(index, 1) : op('r').le(index, 4);
}

PickleWriter &PickleWriter::get(std::uint32_t index)
{
    return index < 256 ? op('h').le(index, 1) : op('j').le(index, 4);
}

PickleWriter &PickleWriter::raw(std::span<const std::uint8_t> bytes)
{
    m_bytes.insert(m_bytes.end(), bytes.begin(), bytes.end());
    return *this;
}

PickleWriter &PickleWriter::raw(std::initializer_list<std::uint8_t> bytes)
{
    m_bytes.insert(m_bytes.end(), bytes.begin(), bytes.end());
    return *this;
}

PickleWriter &PickleWriter::intTuple(const std::vector<std::int64_t> &values)
{
    mark();
    for (const std::int64_t v : values)
        integer(v);
    return tuple();
}

} // namespace mplug2::model
