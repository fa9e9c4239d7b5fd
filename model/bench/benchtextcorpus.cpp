#include "model/bench/benchtextcorpus.h"

#include <random>
#include <string_view>

namespace mplug2::model {

namespace {

constexpr std::string_view kEnglish[] = {
    "a",
    "the",
    "man",
    "woman",
    "person",
    "people",
    "child",
    "dog",
    "cat",
    "car",
    "video",
    "photo",
    "is",
    "are",
    "playing",
    "cooking",
    "running",
    "talking",
    "singing",
    "dancing",
    "walking",
    "riding",
    "holding",
    "showing",
    "in",
    "on",
    "at",
    "with",
    "of",
    "and",
    "near",
    "kitchen",
    "stage",
    "street",
    "park",
    "beach",
    "room",
    "field",
    "guitar",
    "piano",
    "ball",
    "bicycle",
    "horse",
    "table",
    "food",
    "water",
    "camera",
    "phone",
    "book",
    "game",
    "what",
    "who",
    "where",
    "how",
    "many",
    "does",
    "doing",
    "happens",
    "after",
    "before",
    "while",
    "quickly",
    "red",
    "blue",
    "green",
    "small",
    "large",
    "young",
    "old",
    "beautiful",
    "strawberries",
    "unbelievable",
    "tokenization",
    "Nevertheless,",
    "Don't",
    "it's",
    "U.S.",
    "3.14",
    "2023",
    "naïve",
    "café",
    "résumé",
};

// Common characters, so that the vocabulary knows some of them and not others.
constexpr std::string_view kChinese
    = "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面"
      "而方后多"
      "定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开"
      "它合还因"
      "由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条"
      "只没结解"
      "视频男女孩子狗猫汽车厨房舞台街道公园海滩吉他钢琴球自行马桌食物照相机手书游戏";
constexpr std::string_view kChinesePunctuation[] = {"，", "。", "？", "！", "、"};

std::string_view chineseChar(std::size_t index)
{
    // Every character above is three bytes in UTF-8.
    return kChinese.substr(3 * (index % (kChinese.size() / 3)), 3);
}

} // namespace

std::vector<std::string> benchTextCorpus(std::size_t minBytes, unsigned seed)
{
    std::mt19937 rng(seed);
    const auto pick = [&](std::size_t n) { return static_cast<std::size_t>(rng() % n); };
    std::vector<std::string> lines;
    std::size_t total = 0;
    while (total < minBytes) {
        std::string line;
        const std::size_t kind = pick(10);
        const std::size_t length = 5 + pick(20);
        for (std::size_t i = 0; i < length; ++i) {
            const bool chinese = kind < 3 || (kind < 5 && pick(2) == 0);
            if (chinese) {
                line += chineseChar(pick(kChinese.size() / 3));
                if (pick(8) == 0)
                    line += kChinesePunctuation[pick(std::size(kChinesePunctuation))];
            } else {
                if (!line.empty())
                    line += ' ';
                line += kEnglish[pick(std::size(kEnglish))];
            }
        }
        line += kind < 3 ? "。" : (pick(3) == 0 ? "?" : ".");
        total += line.size();
        lines.push_back(std::move(line));
    }
    return lines;
}

} // namespace mplug2::model
