import { describe, expect, it } from 'vitest';
import { askedFor, directAnswer } from '../../../src/retrieval/answers/direct-answer.ts';
import { otherMeasure, otherPeriod } from '../../../src/retrieval/answers/direct-binding.ts';

const text = (a: { text: string } | undefined) => a?.text;

describe('a range that names its unit once, after its second figure', () => {
  it('answers 几天 with 1至3天 and 3至5个工作日', () => {
    expect(text(directAnswer('特展要提前几天预约', '观众可通过公众号提前1至3天预约，免费参观。'))).toBe('1至3天');
    expect(text(directAnswer('病理报告要几天出来', '部分病理检查报告需要3至5个工作日。'))).toBe('3至5个工作日');
  });

  it('does not read times of day as a duration', () => {
    expect(directAnswer('特展要提前几天预约', '博物苑每天9:00至17:00开放。')).toBeUndefined();
  });
});

describe('an age asked (多大的孩子, 几岁)', () => {
  it('reads 多大 of a person as an age and answers with 周岁', () => {
    expect(askedFor('托育园收多大的孩子')?.units).toContain('周岁');
    expect(text(directAnswer('托育园收多大的孩子', '托育园设托位60个，招收2至3周岁的幼儿。'))).toBe('2至3周岁');
  });

  it('keeps 多大 of a place an area, and an age that only says who is no answer', () => {
    expect(askedFor('新开的花园有多大')?.units).not.toContain('岁');
    expect(directAnswer('托育园收多少个孩子', '托育园招收2至3周岁的幼儿。')).toBeUndefined();
  });
});

describe('measure words', () => {
  it('counts books in 册 as in 本, and flowers in 盆', () => {
    expect(text(directAnswer('图书馆一次能借几本书', '区图书馆凭借阅证一次最多可借5册，借期30天。'))).toBe('5册');
    expect(text(directAnswer('菊展有多少盆菊花', '600多个品种、3万余盆菊花在园内竞相绽放。'))).toBe('3万余盆');
  });

  it('reads a noun that opens with a measure character as the thing counted (多少家庭, 多少床位)', () => {
    expect(askedFor('亲子登山有多少家庭参加')).toMatchObject({ namedUnit: false, counted: '家庭' });
    expect(askedFor('东院区规划了多少床位')).toMatchObject({ namedUnit: false, counted: '床位' });
    expect(text(directAnswer('亲子登山有多少家庭参加', '亲子登山活动吸引了300多个家庭参加。'))).toBe('300多个');
    // 多少家企业 still names 家.
    expect(askedFor('有多少家企业参加')).toMatchObject({ namedUnit: true, units: ['家'] });
  });

  it('counts children by any word for them (幼儿 for 小朋友), and nothing else for them', () => {
    const s = '去年片区有近200名适龄幼儿需要跨片区入园。';
    expect(text(directAnswer('片区去年有多少小朋友要跨片区入园', s))).toBe('近200名');
    expect(directAnswer('片区去年有多少小朋友要跨片区入园', '去年片区有近200名教师需要跨片区入园。')).toBeUndefined();
  });

  it('answers 多少人 with 人次 as with 人', () => {
    expect(text(directAnswer('运动会有多少人参加', '本届运动会参加人数达1.1万人次。'))).toBe('1.1万人次');
    // A count of families is no head count.
    expect(directAnswer('运动会有多少人参加', '运动会共有260个家庭报名参加。')).toBeUndefined();
  });

  it('reads 多少人民币 as a sum, not a head count', () => {
    expect(askedFor('贸易订单有多少人民币')?.units).toContain('亿元');
    expect(text(directAnswer('贸易订单有多少人民币', '客商签订贸易订单，金额合计3.8亿元人民币。'))).toBe('3.8亿元');
  });
});

describe('words of the question that carry nothing', () => {
  it('reads 那几天 as a demonstrative, not a question for days', () => {
    expect(askedFor('放假那几天博物苑来了多少人')?.units).toEqual(['人']);
  });

  it('drops 请问一下, spoken particles and the frame of a yes-or-no question', () => {
    const asked = askedFor('请问一下，狼山有没有年卡啊，多少钱一张');
    expect(asked?.per).toBe('张');
    expect(asked?.terms).not.toContain('有没有');
    expect(askedFor('虹桥新开的那个花园有多大')?.terms).not.toContain('那个');
  });

  it('keeps a one-character head noun with its name (博物苑, 月卡)', () => {
    expect(askedFor('博物苑的游客有多少')?.terms).toContain('博物苑');
    expect(askedFor('健身房月卡多少钱')?.terms).toContain('月卡');
    expect(askedFor('码头修缮换了多少块石头')?.terms).not.toContain('修缮换');
  });
});

describe('what a sum measures', () => {
  it('answers 合同外资 with foreign capital, not the total investment', () => {
    expect(otherMeasure('合同外资是多少', '总投资4.3亿美元', 3)).toBe(true);
    expect(otherMeasure('合同外资是多少', '合同外资1.6亿美元', 4)).toBe(false);
  });

  it('answers what a person pays with the fee, not the subsidy', () => {
    expect(otherMeasure('托育一个月要多少钱', '家庭可以申领每月300元的托育补贴')).toBe(true);
    expect(otherMeasure('托育一个月要多少钱', '全日托收费每月不超过2500元', 9)).toBe(false);
  });

  it('answers what was raised with the sum raised', () => {
    expect(otherMeasure('暖心行动一共筹了多少钱', '全区共筹集慈善资金860万元', 7)).toBe(false);
    expect(otherMeasure('暖心行动一共筹了多少钱', '项目总投资860万元', 5)).toBe(true);
  });
});

describe('a holiday asked, its span of days given', () => {
  it('takes 9月29日至10月6日 for the holiday the question names', () => {
    expect(otherPeriod('中秋国庆放假那几天来了多少人', '9月29日至10月6日，苑内共接待游客11.6万人次')).toBe(false);
  });

  it('still refuses another holiday or one other day', () => {
    expect(otherPeriod('国庆放假那几天来了多少人', '今年春节假期累计接待57.3万人次')).toBe(true);
    expect(otherPeriod('国庆放假那几天来了多少人', '5月2日接待游客2.1万人次')).toBe(true);
  });
});

describe('a telephone number asked', () => {
  it('answers with the number news gives after 拨打, 电话, 热线', () => {
    const s = '市民发现路灯故障可拨打12345政务服务热线报修，一般3至5个工作日内修复。';
    expect(text(directAnswer('路灯坏了打什么电话报修', s))).toBe('12345');
    expect(text(directAnswer('路灯报修电话是多少', '路灯报修咨询电话：0513-85123456。'))).toBe('0513-85123456');
  });

  it('takes no other figure for a number', () => {
    expect(directAnswer('路灯坏了打什么电话报修', '今年全区共修复路灯12345盏，投入资金80万元。')).toBeUndefined();
  });
});

describe('whether something costs anything', () => {
  it('answers 要不要钱 with 免费 and the act it frees, 要买票吗 with 免票', () => {
    const s = '四价流感疫苗每剂128元；辖区户籍60周岁以上老人凭身份证免费接种一剂。';
    expect(text(directAnswer('60岁以上老人打流感疫苗要不要钱', s))).toBe('免费接种');
    const t = '60周岁以上老人、现役军人和残疾人凭有效证件免票。';
    expect(text(directAnswer('老人去狼山要买票吗', `狼山景区门票由每人50元下调至40元。${t}`))).toBe('免票');
  });

  it('says nothing when the text names no free entry', () => {
    expect(directAnswer('老人去狼山要买票吗', '狼山景区门票由每人50元下调至40元。')).toBeUndefined();
  });
});

describe('days of the week asked (哪几天, 周几)', () => {
  it('answers with the days listed together', () => {
    const s = '观音山街道社区卫生服务中心每周二、周四下午接种流感疫苗。';
    expect(text(directAnswer('观音山社区卫生服务中心哪几天可以打流感疫苗', s))).toBe('周二、周四');
    expect(text(directAnswer('图书馆周几闭馆', '图书馆每周一闭馆，法定节假日除外。'))).toBe('周一');
  });

  it('says nothing when no day of the week is given', () => {
    expect(
      directAnswer('观音山社区卫生服务中心哪几天可以打流感疫苗', '观音山街道社区卫生服务中心地址为镇南路56号。'),
    ).toBeUndefined();
  });
});

describe('a deputy or a title asked with 哪个', () => {
  it('asks for the deputy when the question says 副 (副馆长), and answers with the deputy', () => {
    expect(askedFor('城东分馆的副馆长叫什么')?.noun).toBe('副馆长');
    expect(text(directAnswer('城东分馆的副馆长叫什么', '副馆长朱立新说，自习区共有座位80个。'))).toBe('朱立新');
    // The deputy is no answer for the head.
    expect(directAnswer('城东分馆的馆长叫什么', '副馆长朱立新说，自习区共有座位80个。')).toBeUndefined();
  });

  it('reads 哪个 before a title as asking who holds it', () => {
    expect(askedFor('轴承项目是哪个副区长签的约')).toMatchObject({ kind: 'person', noun: '副区长' });
    expect(text(directAnswer('轴承项目是哪个副区长签的约', '副区长陆晓燕与企业代表签署投资协议。'))).toBe('陆晓燕');
    expect(askedFor('哪个社区最先完成改造')?.kind).toBe('place');
  });
});

describe('more readings of what is asked', () => {
  it('asks a head count when a noun of persons stands right before 有多少', () => {
    expect(askedFor('秋季初一新生有多少')?.units).toContain('人');
    const s = '全区初一新生8120人，新开校车线路14条。';
    expect(text(directAnswer('秋季初一新生有多少', s))).toBe('8120人');
    expect(askedFor('停车场的车位有多少')?.units).not.toContain('人');
  });

  it('times a contest by the day it is held (哪天比赛)', () => {
    const s = '第六届濠河龙舟邀请赛将于6月19日在南濠河举行。';
    expect(text(directAnswer('濠河龙舟赛哪天比赛', s, s, '2025-06-01'))).toBe('2025年6月19日');
    expect(directAnswer('濠河龙舟赛哪天比赛', '6月1日，濠河龙舟赛报名截止。', '', '2025-06-01')).toBeUndefined();
  });

  it('answers 有优惠吗 with what is cut (学费减半)', () => {
    const s = '每门课程每学期收费200元，70周岁以上的学员学费减半。';
    expect(text(directAnswer('七十多岁的老人上老年大学学费有优惠吗', s))).toBe('学费减半');
    expect(directAnswer('七十多岁的老人上老年大学学费有优惠吗', '每门课程每学期收费200元。')).toBeUndefined();
  });
});

describe('what a place was before (以前是什么地方)', () => {
  it('answers with what the text says it was made from', () => {
    const s = '这处共享菜园由一块闲置地改造而成，面积约3亩。';
    expect(text(directAnswer('共享菜园以前是什么地方', s))).toBe('闲置地');
  });

  it('says nothing when the text tells no former use', () => {
    expect(directAnswer('共享菜园以前是什么地方', '这处共享菜园面积约3亩，由居民认领种植。')).toBeUndefined();
  });
});

describe('a title given by appointment (X任Y苑长)', () => {
  const s = '会议宣布：沈立衡任南通博物苑苑长，顾晓岚任南通博物苑副苑长。原苑长包振国因到龄退休。';

  it('answers with the appointed holder, the head or the deputy as asked', () => {
    expect(askedFor('现在博物苑的苑长是谁')?.noun).toBe('苑长');
    expect(text(directAnswer('现在博物苑的苑长是谁', s))).toBe('沈立衡');
    expect(text(directAnswer('博物苑的副苑长叫什么', s))).toBe('顾晓岚');
  });

  it('does not take the former holder for the present one', () => {
    expect(directAnswer('现在博物苑的苑长是谁', '原苑长包振国因到龄退休，不再担任苑长职务。')).toBeUndefined();
  });
});

describe('what was added and the standing total', () => {
  const s = '今年以来，区图书馆新建城市书房6家，全区城市书房总数达到28家。';

  it('answers 有多少 with the total, 新建了多少 with what was added', () => {
    expect(text(directAnswer('崇川有多少个城市书房', s))).toBe('28家');
    expect(text(directAnswer('今年新建了多少个城市书房', s))).toBe('6家');
  });

  it('keeps the added figure when the sentence gives no total', () => {
    expect(text(directAnswer('崇川有多少个城市书房', '今年以来，区图书馆新建城市书房6家。'))).toBe('6家');
  });
});

describe('whether a place is open on a day (周一开门吗)', () => {
  it('answers with what the text says of that day', () => {
    const s = '城东图书馆分馆每天9:00至21:00开放，周一也不闭馆。';
    expect(text(directAnswer('城东图书馆周一开门吗', s))).toBe('周一也不闭馆');
    const t = '博物苑北馆区开放时间与老馆区相同，周一闭馆（法定节假日除外）。';
    expect(text(directAnswer('博物苑北馆区周一开不开', t))).toBe('周一闭馆');
  });

  it('reads the day when the verb was taken out of the question (周一吗)', () => {
    expect(askedFor('城东图书馆周一吗')?.openDay).toBe('周一');
    expect(askedFor('城东图书馆周一几点开门')?.openDay).toBeUndefined();
  });

  it('says nothing of another day', () => {
    expect(directAnswer('城东图书馆周一开门吗', '城东图书馆分馆周末照常开放。')).toBeUndefined();
  });
});

describe('hours and months counted with 个', () => {
  it('reads 两个半小时, 半小时 and 一个多月 as durations', () => {
    expect(text(directAnswer('绕湖走一圈要多久', '他说，绕湖一圈大约要走两个半小时。'))).toBe('两个半小时');
    expect(text(directAnswer('做一次检查要多久', '整个检查大约需要半小时。'))).toBe('半小时');
    expect(text(directAnswer('装修工期要多久', '装修工期预计一个多月。'))).toBe('一个多月');
  });

  it('does not read 个 of a count as a duration', () => {
    expect(directAnswer('做一次检查要多久', '整个检查共有两个环节。')).toBeUndefined();
  });
});
