#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Write a large question bank in the bundled bank's Markdown format.

The bank is made of the bundled bank's own text, recombined: its Chinese
sentences, its glossed terms ("梯度裁剪（Gradient Clipping）") and the English
sentences of its translation (po/en.po), with a fixed seed, so the output is
the same on every run and machine.  Each item has a question, one to three
answer paragraphs and zero to three explanation paragraphs; about one item
in four has an English paragraph.  With the defaults (100,000 items) the
file is about 40 MB, ~420 bytes an item as in the bundled bank.

    tests/benchmarks/gen-bank.py --items 100000 --output /tmp/bank-100k.md

With --layout headings it writes them as the field's banks are written
instead: numbered chapters ("## 第 3 章 …") of 100 questions, each question
a numbered heading ("### 3.17 什么是…？") with its answer under it, about
one in five answers with a code block, one in four with inline math and
one in ten with a display formula, and the explanation after a
"**解析：**" marker (README, "The layouts Wenda reads").

With --json it writes the same items as a bank of the app's own JSON
format instead, as the library keeps the banks a user has imported
(startup.py --data-home measures a start with such a library).

With --rich (and --layout headings) the questions and answers also hold
what the reading pane renders: a third of the questions a **bold**,
_italic_ or `code` span, one answer in ten a table, one in eight a nested
list, one in twenty an image, one in twenty a quote and <br>; the topic
list then shows plain text made from each (scale.c window --scroll).

Only the Python standard library is used.
"""

import argparse
import json
import os
import random
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
TOP = os.path.normpath(os.path.join(HERE, '..', '..'))
SEED_BANK = os.path.join(TOP, 'resources', 'content', 'llm-training.md')
CATALOG = os.path.join(TOP, 'po', 'en.po')

# A real bank of 100,000 questions asks about thousands of terms, not the
# seed's 26: the questions' terms are the seed's, with a qualifier before
# and an aspect after (each possibly empty), glossed in English the same
# way.  The app groups the items that gloss the same term ("ask the same
# thing"); this gives groups of ~10 items, and half the questions have no
# gloss at all, as in hand-written banks.
PREFIXES = [('', ''), ('分布式', 'Distributed '), ('自适应', 'Adaptive '), ('稀疏', 'Sparse '),
            ('多任务', 'Multi-task '), ('在线', 'Online '), ('增量', 'Incremental '),
            ('鲁棒', 'Robust '), ('轻量级', 'Lightweight '), ('层次化', 'Hierarchical '),
            ('联合', 'Joint '), ('半监督', 'Semi-supervised ')]
SUFFIXES = [('', ''), ('方法', ' Methods'), ('策略', ' Strategies'), ('框架', ' Frameworks'),
            ('评估', ' Evaluation'), ('优化', ' Optimization'), ('理论', ' Theory'),
            ('实现', ' Implementation'), ('调参', ' Tuning'), ('基准', ' Benchmarks'),
            ('可视化', ' Visualization'), ('加速', ' Acceleration')]

QUESTION_FORMS = [
    '什么是{t}？',
    '请解释{t}的基本原理。',
    '{t}有哪些常见的应用场景？',
    '{t}与{u}有什么区别？',
    '在大模型训练中，如何使用{t}？',
    '为什么{t}能够提高模型的泛化能力？',
    '{t}的主要优点和缺点是什么？',
    '如何评估{t}的效果？',
]


def read_seed():
    """The Chinese sentences and glossed terms of the bundled bank."""
    with open(SEED_BANK, encoding='utf-8') as f:
        text = f.read()
    sentences, terms = [], set()
    for line in text.splitlines():
        line = line.strip()
        if not line or line.startswith('#') or line.startswith('**'):
            continue
        for s in re.findall(r'[^。！？]+[。！？]', line):
            sentences.append(s)
    # The terms the questions ask about, with their English glosses.
    for m in re.finditer(r'^#### 题目 \d+：(.*)$', text, re.M):
        for term in re.findall(r'[\u4e00-\u9fffA-Za-z]+（[A-Za-z][^）]*）', m.group(1)):
            terms.add(re.sub(r'^(什么是|和)', '', term))
    return sentences, sorted(terms)


def read_english():
    """The English sentences of the bank's translation, from po/en.po."""
    english = []
    with open(CATALOG, encoding='utf-8') as f:
        entries = f.read().split('\n\n')
    for entry in entries:
        if 'bank.json' not in entry:
            continue
        msgstr = entry.split('msgstr', 1)[1] if 'msgstr' in entry else ''
        text = ''.join(re.findall(r'"((?:[^"\\]|\\.)*)"', msgstr))
        text = text.replace('\\"', '"').replace('\\n', ' ')
        for s in re.findall(r'[^.!?]+[.!?]', text):
            s = s.strip()
            if len(s) > 20:
                english.append(s)
    return english


def paragraph(rng, sentences, english, terms, english_share):
    if rng.random() < english_share:
        return ' '.join(rng.choice(english) for _ in range(rng.randint(1, 2)))
    parts = []
    for _ in range(rng.choice((1, 1, 1, 2))):
        s = rng.choice(sentences)
        if rng.random() < 0.2:
            # Put another glossed term into the sentence, as the bank does.
            s = rng.choice(terms) + '，' + s
        parts.append(s)
    return ''.join(parts)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split('\n\n')[0])
    parser.add_argument('--items', type=int, default=100000, help='number of items (default 100000)')
    parser.add_argument('--output', '-o', required=True, help='the Markdown file to write')
    parser.add_argument('--seed', type=int, default=20261129, help='random seed (default fixed)')
    parser.add_argument('--json', action='store_true',
                        help="write the app's JSON bank format instead of Markdown")
    parser.add_argument('--layout', choices=('seed', 'headings'), default='seed',
                        help="the Markdown layout: the bundled bank's (default) or numbered "
                             "headings in chapters, with code and math")
    parser.add_argument('--rich', action='store_true',
                        help='with --layout headings: formatting in the questions, tables, '
                             'lists, images and quotes in the answers')
    args = parser.parse_args()

    sentences, terms = read_seed()
    english = read_english()
    if not sentences or not terms or not english:
        sys.exit('gen-bank.py: could not read the bundled bank or its catalog')

    rng = random.Random(args.seed)
    bases = [re.match(r'(.*)（([^，）]*)', t).groups() for t in terms]

    def question_term():
        (p_zh, p_en), (zh, en), (s_zh, s_en) = rng.choice(PREFIXES), rng.choice(bases), rng.choice(SUFFIXES)
        if rng.random() < 0.5:
            return p_zh + zh + s_zh  # no gloss
        return '{}{}{}（{}{}{}）'.format(p_zh, zh, s_zh, p_en, en, s_en)

    title = '大模型训练题库（{:,} 题，生成）'.format(args.items)
    headings = args.layout == 'headings'
    out = ['# {}\n'.format(title) if headings else '### {}\n'.format(title)]
    items = []
    for n in range(1, args.items + 1):
        t, u = question_term(), rng.choice(bases)[0]
        question = rng.choice(QUESTION_FORMS).format(t=t, u=u)
        english_share = 0.25 if rng.random() < 0.5 else 0.0
        answer = [paragraph(rng, sentences, english, terms, english_share)
                  for _ in range(rng.choice((1, 1, 1, 2)))]
        explanation = [paragraph(rng, sentences, english, terms, english_share)
                       for _ in range(rng.choice((0, 1, 1, 1, 2)))]
        items.append({'id': 'gen-{}'.format(n), 'number': n, 'question': question,
                      'answer': '\n\n'.join(answer), 'explanation': '\n\n'.join(explanation)})
        if headings:
            chapter, k = (n - 1) // 100 + 1, (n - 1) % 100 + 1
            if k == 1:
                out.append('\n## 第 {} 章 {}\n'.format(chapter, rng.choice(bases)[0]))
            if args.rich and rng.random() < 1 / 3:
                word = rng.choice(bases)[0]
                mark = rng.choice(('**{}**', '_{}_', '`{}`'))
                question = question.replace('？', '（{}）？'.format(mark.format(word)), 1)
            out.append('\n### {}.{} {}\n'.format(chapter, k, question))
            if args.rich:
                if rng.random() < 0.1:
                    out.append('\n| 方法 | 优点 | 缺点 |\n|:---|:---:|---:|\n'
                               '| {} | **快** | 占内存 |\n| {} | 省内存 | `慢` |\n'.format(
                                   rng.choice(bases)[0], rng.choice(bases)[0]))
                if rng.random() < 1 / 8:
                    out.append('\n1. 准备数据\n   - 清洗\n   - 切分\n2. 训练\n   1. 前向\n   2. 反向\n')
                if rng.random() < 0.05:
                    out.append('\n![示意图](images/figure-{}.png)\n'.format(n % 7))
                if rng.random() < 0.05:
                    out.append('\n> 注意：{}<br>请复习。\n'.format(rng.choice(bases)[0]))
            if rng.random() < 0.25:
                answer[0] += ' 其损失可写成 $L = -\\sum_i y_i \\log p_i$。'
            out.extend('\n' + p + '\n' for p in answer)
            if rng.random() < 0.1:
                out.append('\n$$\n\\theta_{t+1} = \\theta_t - \\eta \\nabla_\\theta L(\\theta_t)\n$$\n')
            if rng.random() < 0.2:
                out.append('\n```python\nfor step, batch in enumerate(loader):\n'
                           '    loss = model(batch).loss\n    loss.backward()\n```\n')
            if explanation:
                out.append('\n**解析：**\n')
                out.extend('\n' + p + '\n' for p in explanation)
            continue
        out.append('\n#### 题目 {}：{}\n'.format(n, question))
        out.append('\n**答案：**\n')
        out.extend('\n' + p + '\n' for p in answer)
        if explanation:
            out.append('\n#### 解析：\n')
            out.extend('\n' + p + '\n' for p in explanation)
    if args.json:
        for item in items:
            if not item['explanation']:
                del item['explanation']
        out = [json.dumps({'format': 'wenda-bank', 'version': 1, 'title': title,
                           'language': 'zh-CN', 'items': items}, ensure_ascii=False)]

    tmp = args.output + '.tmp'
    with open(tmp, 'w', encoding='utf-8', newline='\n') as f:
        f.write(''.join(out))
    os.replace(tmp, args.output)
    size = os.path.getsize(args.output)
    print('gen-bank: {} items, {:,} bytes ({:.1f} MB) -> {}'.format(args.items, size, size / 1e6, args.output))


if __name__ == '__main__':
    main()
