#include "model/synthetic/scenetext.h"

#include <algorithm>
#include <cctype>
#include <set>

namespace mplug2::model::synthetic {

namespace {

std::string colourQuestion(ShapeKind kind, bool britishSpelling)
{
    return std::string(britishSpelling ? "what colour is the " : "what color is the ")
        + std::string(shapeName(kind)) + "?";
}

std::string shapeQuestion(Colour colour)
{
    return "what shape is " + std::string(colourName(colour)) + "?";
}

std::string motionQuestion(ShapeKind kind)
{
    return "where does the " + std::string(shapeName(kind)) + " move?";
}

const char *const kCountQuestion = "how many shapes are there?";

} // namespace

std::string oneShapeCaption(ShapeKind kind, Colour colour, Motion motion, bool clip)
{
    std::string text = "a " + std::string(colourName(colour)) + ' ' + std::string(shapeName(kind));
    if (clip)
        text += ' ' + std::string(motionPhrase(motion));
    return text;
}

std::string twoShapeCaption(
    ShapeKind firstKind, Colour firstColour, ShapeKind secondKind, Colour secondColour)
{
    return oneShapeCaption(firstKind, firstColour, Motion::Still, false) + " and "
        + oneShapeCaption(secondKind, secondColour, Motion::Still, false);
}

std::string caption(const Scene &scene)
{
    if (scene.shapes.size() >= 2)
        return twoShapeCaption(
            scene.shapes[0].kind, scene.shapes[0].colour, scene.shapes[1].kind, scene.shapes[1].colour);
    if (scene.shapes.empty())
        return {};
    const SceneShape &s = scene.shapes.front();
    return oneShapeCaption(s.kind, s.colour, s.motion, scene.isClip());
}

std::vector<QuestionAnswer> questions(const Scene &scene)
{
    std::vector<QuestionAnswer> out;
    auto countKind = [&](ShapeKind k) {
        return std::count_if(
            scene.shapes.begin(), scene.shapes.end(), [k](const SceneShape &s) { return s.kind == k; });
    };
    auto countColour = [&](Colour c) {
        return std::count_if(
            scene.shapes.begin(), scene.shapes.end(), [c](const SceneShape &s) { return s.colour == c; });
    };
    for (const SceneShape &s : scene.shapes) {
        if (countKind(s.kind) == 1) {
            for (bool british : {false, true})
                out.push_back({QuestionKind::ColourOfShape, colourQuestion(s.kind, british),
                    std::string(colourName(s.colour))});
            if (scene.isClip())
                out.push_back({QuestionKind::MotionOfShape, motionQuestion(s.kind),
                    std::string(motionAnswer(s.motion))});
        }
        if (countColour(s.colour) == 1)
            out.push_back(
                {QuestionKind::ShapeOfColour, shapeQuestion(s.colour), std::string(shapeName(s.kind))});
    }
    out.push_back({QuestionKind::ShapeCount, kCountQuestion, scene.shapes.size() == 1 ? "one" : "two"});
    return out;
}

std::string questionForModel(const std::string &question)
{
    std::string out;
    for (const char c : question)
        if (c != '?')
            out.push_back(char(std::tolower(static_cast<unsigned char>(c))));
    while (!out.empty() && out.back() == ' ')
        out.pop_back();
    return out;
}

std::vector<std::string> worldSentences()
{
    std::set<std::string> texts;
    for (ShapeKind k : kShapeKinds) {
        for (Colour c : kColours) {
            texts.insert(oneShapeCaption(k, c, Motion::Still, false));
            for (Motion m : kMotions)
                texts.insert(oneShapeCaption(k, c, m, true));
            for (ShapeKind k2 : kShapeKinds)
                for (Colour c2 : kColours)
                    if (k2 != k || c2 != c)
                        texts.insert(twoShapeCaption(k, c, k2, c2));
            texts.insert(questionForModel(shapeQuestion(c)));
            texts.insert(std::string(colourName(c)));
        }
        for (bool british : {false, true})
            texts.insert(questionForModel(colourQuestion(k, british)));
        texts.insert(questionForModel(motionQuestion(k)));
        texts.insert(std::string(shapeName(k)));
    }
    for (Motion m : kMotions)
        texts.insert(std::string(motionAnswer(m)));
    texts.insert(questionForModel(kCountQuestion));
    texts.insert("one");
    texts.insert("two");
    return {texts.begin(), texts.end()};
}

} // namespace mplug2::model::synthetic
