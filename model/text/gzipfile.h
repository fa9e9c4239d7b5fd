#pragma once
/// Reads a whole file that may be gzip-compressed (zlib reads plain files as
/// they are), refusing to inflate beyond a limit: a hostile .gz cannot
/// exhaust memory.
///
///     Expected<std::string> text = readGzipFile("bpe_simple_vocab_16e6.txt.gz", 64u << 20);
///
/// Thread-safe. Only compiled when zlib is found (MPLUG2_HAS_ZLIB).

#include "base/expected.h"

#include <cstddef>
#include <filesystem>
#include <string>

namespace mplug2::model::text {

Expected<std::string> readGzipFile(const std::filesystem::path &file, std::size_t maxBytes);

} // namespace mplug2::model::text
