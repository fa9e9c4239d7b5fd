#pragma once
// The one precompiled header: the torch C++ frontend. Only model/ .cpp files
// (and Qt-free tools/tests) get it; public headers never include torch.h.
#include <torch/torch.h>
