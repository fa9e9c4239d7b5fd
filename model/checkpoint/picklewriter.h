#pragma once
/// Emits pickle opcodes (protocol 2, as torch.save writes them). Used by the
/// torch.save-compatible writer and, through `raw()`, by tests that build
/// hostile pickles byte by byte.
///
///     PickleWriter p;
///     p.proto().emptyDict().string("epoch").integer(3).setItem().stop();
///     std::vector<std::uint8_t> bytes = p.take();

#include <cstdint>
#include <span>
#include <string>
#include <vector>

namespace mplug2::model {

class PickleWriter {
public:
    PickleWriter &proto(std::uint8_t version = 2);
    PickleWriter &stop();
    PickleWriter &mark();
    PickleWriter &none();
    PickleWriter &boolean(bool value);
    PickleWriter &integer(std::int64_t value);
    PickleWriter &string(const std::string &value);
    PickleWriter &emptyDict();
    PickleWriter &emptyList();
    PickleWriter &emptyTuple();
    PickleWriter &tuple(); ///< from the last mark
    PickleWriter &tuple1();
    PickleWriter &setItem();
    PickleWriter &setItems(); ///< from the last mark
    PickleWriter &append();
    PickleWriter &global(const std::string &module, const std::string &name);
    PickleWriter &reduce();
    PickleWriter &build();
    PickleWriter &persistentId();
    PickleWriter &put(std::uint32_t index);
    PickleWriter &get(std::uint32_t index);
    /// Any bytes, for tests that need malformed pickles.
    PickleWriter &raw(std::span<const std::uint8_t> bytes);
    PickleWriter &raw(std::initializer_list<std::uint8_t> bytes);

    /// A tuple of integers (sizes, strides).
    PickleWriter &intTuple(const std::vector<std::int64_t> &values);

    const std::vector<std::uint8_t> &bytes() const { return m_bytes; }
    std::vector<std::uint8_t> take() { return std::move(m_bytes); }

private:
    PickleWriter &op(std::uint8_t opcode);
    PickleWriter &le(std::uint64_t value, int bytes);

    std::vector<std::uint8_t> m_bytes;
};

} // namespace mplug2::model
