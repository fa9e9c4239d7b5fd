#pragma once
/// The `mplug2` commands that run the model on media (one file each):
///   caption        MEDIA...                 captions (n-best with --num-results)
///   dense-caption  --window S -o FILE MEDIA  captions per time window (SRT, WebVTT, JSON, ...)
///   ask            --question Q MEDIA...     answers, free or ranked over --answers FILE
///   classify       --labels A,B,C MEDIA...   zero-shot label probabilities
///   attention      -o OUT MEDIA              heatmaps of where the model looked
///   import         CHECKPOINT --out DIR      a model bundle from an official checkpoint
/// Each returns 0 on success, 1 when something failed, 2 for usage errors,
/// and is params + parse + run in a header of its own.
#include "app/cli/askcommand.h"
#include "app/cli/attentioncommand.h"
#include "app/cli/captioncommand.h"
#include "app/cli/classifycommand.h"
#include "app/cli/densecaptioncommand.h"
