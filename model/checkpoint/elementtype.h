#pragma once
/// The element types a checkpoint can store, without pulling in torch, so the
/// file parsers (zip, pickle, safetensors) stay torch-free and fuzzable.
///
///     ElementType t = elementTypeFromStorageName("HalfStorage").value();
///     elementSize(t);      // 2
///     elementTypeName(t);  // "float16"

#include <cstdint>
#include <optional>
#include <string_view>

namespace mplug2::model {

enum class ElementType : std::uint8_t {
    Float32,
    Float64,
    Float16,
    BFloat16,
    Int64,
    Int32,
    Int16,
    Int8,
    UInt8,
    Bool,
    Complex64,
    Complex128,
};

/// Bytes per element.
int elementSize(ElementType type);

/// The torch spelling: "float32", "float16", "bfloat16", "int64", ...
const char *elementTypeName(ElementType type);

/// From a torch storage class name ("FloatStorage", "HalfStorage", ...).
std::optional<ElementType> elementTypeFromStorageName(std::string_view name);

/// From a safetensors dtype string ("F32", "F16", "BF16", "I64", ...).
std::optional<ElementType> elementTypeFromSafetensorsName(std::string_view name);
const char *safetensorsName(ElementType type);

bool isFloatingPoint(ElementType type);

} // namespace mplug2::model
