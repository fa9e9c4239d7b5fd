#pragma once
/// The words of the synthetic world: captions, questions with one-word
/// answers, and the whole (small, finite) text of the world for training
/// the demo's SentencePiece vocabulary.
///
///     caption(scene)      // "a red circle moves left", "a red circle" (picture),
///                         // "a blue square and a yellow triangle" (left to right)
///     for (const QuestionAnswer &qa : questions(scene))
///         use(qa.question, qa.answer);   // "what color is the circle?" -> "red"
///
/// Questions are asked only where their answer is unique (one circle, one
/// red shape...). Thread-safe (pure functions).

#include "model/synthetic/syntheticscene.h"

#include <string>
#include <vector>

namespace mplug2::model::synthetic {

enum class QuestionKind { ColourOfShape, ShapeOfColour, MotionOfShape, ShapeCount };

struct QuestionAnswer {
    QuestionKind kind = QuestionKind::ShapeCount;
    std::string question;
    std::string answer;
};

std::string caption(const Scene &scene);
/// The caption of a one-shape clip / picture, or of two shapes in this order.
std::string oneShapeCaption(ShapeKind kind, Colour colour, Motion motion, bool clip);
std::string twoShapeCaption(
    ShapeKind firstKind, Colour firstColour, ShapeKind secondKind, Colour secondColour);

/// Every question `scene` has a unique answer to (the colour question in
/// both spellings, "color" and "colour").
std::vector<QuestionAnswer> questions(const Scene &scene);

/// A question as the model reads it: the official pre_question rule on this
/// world's text (lower case, no '?').
std::string questionForModel(const std::string &question);

/// Every caption, question and answer of the world, once each.
std::vector<std::string> worldSentences();

} // namespace mplug2::model::synthetic
