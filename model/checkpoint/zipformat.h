#pragma once
/// The zip records that torch.save's archives use (APPNOTE.TXT 6.3): one
/// place for their signatures and ids, read by ziparchive.cpp and written
/// by zipwriter.cpp.

#include <cstdint>

namespace mplug2::model::zipformat {

inline constexpr std::uint32_t kLocalHeaderSignature = 0x04034b50;
inline constexpr std::uint32_t kCentralHeaderSignature = 0x02014b50;
inline constexpr std::uint32_t kEndOfCentralDirSignature = 0x06054b50;
inline constexpr std::uint32_t kZip64LocatorSignature = 0x07064b50;
inline constexpr std::uint32_t kZip64EndSignature = 0x06064b50;
/// The extra field that carries 64-bit sizes and offsets.
inline constexpr std::uint16_t kZip64ExtraId = 0x0001;
/// A 32-bit field at this value means "see the zip64 extra field".
inline constexpr std::uint32_t kMax32 = 0xFFFFFFFF;

} // namespace mplug2::model::zipformat
