import { QuestionKind, Satisfaction } from '@pc/contracts';
import { problemsManyRaised } from './public-answer';

const Q = [
  { text: '保洁', kind: QuestionKind.SCALE, category: '保洁' },
  { text: '安保', kind: QuestionKind.SCALE, category: '安保' },
  { text: '其他意见', kind: QuestionKind.TEXT, category: '保洁' },
];
const r = (clean: Satisfaction, security: Satisfaction, words?: string) => ({
  surveyIndex: 0,
  answers: [
    { question: 0, satisfaction: clean },
    { question: 1, satisfaction: security },
    { question: 2, comment: words ?? null },
  ],
});

describe('rule (issue 31, the public answer): the problems many raised are the categories reaching the threshold of the responses', () => {
  const responses = [
    r(Satisfaction.DISSATISFIED, Satisfaction.SATISFIED, '楼道脏'),
    r(Satisfaction.DISSATISFIED, Satisfaction.SATISFIED),
    r(Satisfaction.SATISFIED, Satisfaction.DISSATISFIED),
    r(Satisfaction.VERY_SATISFIED, Satisfaction.SATISFIED, '垃圾清运晚'),
    ...Array.from({ length: 6 }, () => r(Satisfaction.SATISFIED, Satisfaction.SATISFIED)),
  ];

  it('dissatisfied answers and answers in words count for their category; most raised first', () => {
    expect(problemsManyRaised([Q], responses, 0.1)).toEqual([
      { category: '保洁', dissatisfied: 2, inWords: 2, share: 0.4 },
      { category: '安保', dissatisfied: 1, inWords: 0, share: 0.1 },
    ]);
  });

  it('below the threshold a category is not one many raised; nothing raised, nothing listed', () => {
    expect(problemsManyRaised([Q], responses, 0.2).map((p) => p.category)).toEqual(['保洁']);
    expect(problemsManyRaised([Q], [r(Satisfaction.SATISFIED, Satisfaction.SATISFIED)], 0.01)).toEqual([]);
    expect(problemsManyRaised([Q], [], 0.1)).toEqual([]);
  });

  it("a question without a category stands for itself, and each site's campaign keeps its own questions", () => {
    const other = [{ text: '电梯运行', kind: QuestionKind.SCALE }];
    const got = problemsManyRaised(
      [Q, other],
      [{ surveyIndex: 1, answers: [{ question: 0, satisfaction: Satisfaction.DISSATISFIED }] }],
      0.5,
    );
    expect(got).toEqual([{ category: '电梯运行', dissatisfied: 1, inWords: 0, share: 1 }]);
  });
});
