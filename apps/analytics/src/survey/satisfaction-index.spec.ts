import { indexChange, satisfactionIndex } from './satisfaction-index';

describe('rule (issue 31): the satisfaction index is the share of very satisfied + satisfied, and a 100/80/60/0 weighted score', () => {
  it('10 answers: 3 very satisfied, 4 satisfied, 2 basically satisfied, 1 dissatisfied → share 0.7, score 74', () => {
    expect(satisfactionIndex({ verySatisfied: 3, satisfied: 4, basicallySatisfied: 2, dissatisfied: 1 })).toEqual({
      answers: 10,
      share: 0.7,
      score: 74,
    });
  });

  it('no answers: neither share nor score (not zero)', () => {
    expect(satisfactionIndex({ verySatisfied: 0, satisfied: 0, basicallySatisfied: 0, dissatisfied: 0 })).toEqual({
      answers: 0,
      share: null,
      score: null,
    });
  });

  it('rounds the share to four decimals and the score to one: 1 of 3 very satisfied, 2 dissatisfied → 0.3333, 33.3', () => {
    expect(satisfactionIndex({ verySatisfied: 1, satisfied: 0, basicallySatisfied: 0, dissatisfied: 2 })).toEqual({
      answers: 3,
      share: 0.3333,
      score: 33.3,
    });
  });

  it('the change against the previous campaign, and none when either has no answers', () => {
    const now = satisfactionIndex({ verySatisfied: 3, satisfied: 4, basicallySatisfied: 2, dissatisfied: 1 });
    const before = satisfactionIndex({ verySatisfied: 1, satisfied: 4, basicallySatisfied: 4, dissatisfied: 1 });
    expect(indexChange(now, before)).toEqual({ share: 0.2, score: 8 });
    expect(indexChange(now, satisfactionIndex({ verySatisfied: 0, satisfied: 0, basicallySatisfied: 0, dissatisfied: 0 }))).toEqual({
      share: null,
      score: null,
    });
  });
});
