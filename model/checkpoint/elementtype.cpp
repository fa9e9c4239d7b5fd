#include "model/checkpoint/elementtype.h"

#include <array>

namespace mplug2::model {

namespace {

struct ElementTypeInfo {
    ElementType type;
    int size;
    const char *name;
    const char *storageName;
    const char *safetensorsName;
};

constexpr std::array<ElementTypeInfo, 12> kInfos = {{
    {ElementType::Float32, 4, "float32", "FloatStorage", "F32"},
    {ElementType::Float64, 8, "float64", "DoubleStorage", "F64"},
    {ElementType::Float16, 2, "float16", "HalfStorage", "F16"},
    {ElementType::BFloat16, 2, "bfloat16", "BFloat16Storage", "BF16"},
    {ElementType::Int64, 8, "int64", "LongStorage", "I64"},
    {ElementType::Int32, 4, "int32", "IntStorage", "I32"},
    {ElementType::Int16, 2, "int16", "ShortStorage", "I16"},
    {ElementType::Int8, 1, "int8", "CharStorage", "I8"},
    {ElementType::UInt8, 1, "uint8", "ByteStorage", "U8"},
    {ElementType::Bool, 1, "bool", "BoolStorage", "BOOL"},
    {ElementType::Complex64, 8, "complex64", "ComplexFloatStorage", "C64"},
    {ElementType::Complex128, 16, "complex128", "ComplexDoubleStorage", "C128"},
}};

const ElementTypeInfo &info(ElementType type)
{
    return kInfos[static_cast<size_t>(type)];
}

} // namespace

int elementSize(ElementType type)
{
    return info(type).size;
}

const char *elementTypeName(ElementType type)
{
    return info(type).name;
}

const char *safetensorsName(ElementType type)
{
    return info(type).safetensorsName;
}

std::optional<ElementType> elementTypeFromStorageName(std::string_view name)
{
    for (const auto &i : kInfos) {
        if (name == i.storageName)
            return i.type;
    }
    return std::nullopt;
}

std::optional<ElementType> elementTypeFromSafetensorsName(std::string_view name)
{
    for (const auto &i : kInfos) {
        if (name == i.safetensorsName)
            return i.type;
    }
    return std::nullopt;
}

bool isFloatingPoint(ElementType type)
{
    return type == ElementType::Float32 || type == ElementType::Float64 || type == ElementType::Float16
        || type == ElementType::BFloat16;
}

} // namespace mplug2::model
