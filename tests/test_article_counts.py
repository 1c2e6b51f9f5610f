"""Length and reading time: words in spaced scripts, characters in Chinese and Japanese."""

from __future__ import annotations

from reader.library.article import Article, count_words

CHINESE = ("中国外交部发言人华春莹在例行记者会上表示，日本在台湾问题上应当谨言慎行。"
           "她说，台湾问题事关中日关系的政治基础。") * 20


def test_chinese_is_counted_and_timed_by_characters():
    article = Article("zh", "华春莹：日本应谨言慎行", CHINESE)
    hanzi = sum(1 for ch in CHINESE if "\u4e00" <= ch <= "\u9fff")
    assert article.word_count == hanzi == 1020  # punctuation is not counted
    assert article.reading_minutes == 5  # 1,020 characters at about 230 a minute
    assert "1,020 characters · 5 min" in article.meta_line


def test_japanese_kana_count_and_spaced_text_counts_words():
    assert count_words("日本語の文章です。") == 8
    assert count_words("Hello world, two more words.") == 5
    mixed = Article("m", "Mixed", "Taiwan 问题 and Japan")
    assert mixed.word_count == 5 and "5 words" in mixed.meta_line
    assert "3 words · 1 min" in Article("e", "English", "Three plain words").meta_line
