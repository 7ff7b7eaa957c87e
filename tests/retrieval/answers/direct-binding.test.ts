import { describe, expect, it } from 'vitest';
import { askedFor, boundAnswer, directAnswer } from '../../../src/retrieval/answers/direct-answer.ts';
import { asksWhereToDo } from '../../../src/retrieval/answers/direct-candidates.ts';
import { showsShortAnswer } from '../../../src/retrieval/answers/direct-confidence.ts';
import {
  amongGroup,
  anotherFiguresNoun,
  changeForPart,
  correctedFigure,
  countedNouns,
  countsAnyPeople,
  countsAsked,
  countsListItems,
  countsPlacesOf,
  dateBound,
  earlierPeriodsFigure,
  insideOtherPlace,
  listTotal,
  oneDayForSum,
  otherCountedNoun,
  otherMeasure,
  otherPeriod,
  partOrWhole,
  pastFigure,
  pastForNext,
  phaseForWhole,
  ownNoun,
  plannedFigure,
  priceForDifference,
  rateForCap,
  runningTotal,
  wholeForPhase,
  wholePeriodFor,
  withYear,
} from '../../../src/retrieval/answers/direct-binding.ts';
import { otherOwner, otherTitle } from '../../../src/retrieval/answers/direct-candidates.ts';

const text = (a: ReturnType<typeof directAnswer>) => a?.text;

describe('the measure word and the noun it counts agree', () => {
  it('answers with the figure that counts what the question counts', () => {
    const s = '近三年来，全区86个老旧小区完成改造，9个街道同步开展“回头看”行动。';
    expect(text(directAnswer('全区老旧小区改造了多少个', s))).toBe('86个');
  });

  it('refuses a figure of the same measure word that counts something else', () => {
    const s = '为巩固成果，全区9个街道同步开展老旧小区改造“回头看”行动。';
    expect(directAnswer('全区老旧小区改造了多少个', s)).toBeUndefined();
  });

  it('reads the counted noun after the measure word, within its clause', () => {
    expect(countedNouns('全区9个街道同步开展', '全区9个'.length)).toEqual(['街道']);
    expect(countedNouns('可提供学位1620个，孩子们', '可提供学位1620个'.length)).toEqual([]);
    expect(countsAsked('老旧小区改造了多少个', ['街道'])).toBe(false);
    expect(countsAsked('老旧小区改造了多少个', ['老旧', '小区'])).toBe(true);
    // People named by another general word (居民 for 人家) are the same people.
    expect(countsAsked('新村有多少户人家用上了天然气', ['居民'])).toBe(true);
    expect(countsAsked('新村有多少户人家用上了天然气', ['商铺'])).toBe(false);
  });

  it('counts the asked thing set up in each of N places (在N个社区设置了兑换站)', () => {
    const s = '街道在15个社区设置了积分兑换站，每月开放两次。';
    expect(text(directAnswer('街道设了多少个积分兑换站', s))).toBe('15个');
  });
});

describe('one member of a list gets its own figure, not the total', () => {
  const passage = [
    '今年新投用的学校中，城北实验小学设计规模30个班，可提供学位1350个。',
    '今年全区共有城北实验小学、港闸第二中学扩建工程以及3所公办幼儿园投入使用，合计新增学位3900个。',
  ];

  it('refuses the total of a list when the question names one member', () => {
    expect(directAnswer('城北实验小学能提供多少个学位', passage[1]!)).toBeUndefined();
    expect(
      listTotal('城北实验小学能提供多少个学位', passage[1]!, ['城北', '实验小学'], passage[1]!.indexOf('3900')),
    ).toBe(true);
  });

  it("answers with the member's own figure", () => {
    expect(text(directAnswer('城北实验小学能提供多少个学位', passage[0]!, passage.join('\n')))).toBe('1350个');
  });

  it('gives the total when the question asks for it, or names more members than one', () => {
    expect(text(directAnswer('全区合计新增了多少个学位', passage[1]!))).toBe('3900个');
    const s = '目前已建成长者食堂3个、助餐点9个，日均服务老人520余人次。';
    expect(text(directAnswer('长者食堂和助餐点每天服务多少位老人', s))).toBe('520余人次');
    const both = '城北实验小学、港闸第二中学扩建工程在9月投入使用，合计新增学位2100个。';
    expect(
      listTotal(
        '城北实验小学和港闸第二中学扩建工程新增多少个学位',
        both,
        ['城北', '实验小学', '港闸', '第二中学', '扩建工程'],
        both.indexOf('2100'),
      ),
    ).toBe(false);
    expect(listTotal('城北实验小学新增多少个学位', both, ['城北', '实验小学'], both.indexOf('2100'))).toBe(true);
  });

  it("keeps each item's figure standing inside its item", () => {
    const s = '城北实验小学提供学位1350个、港闸第二中学提供学位800个。';
    expect(listTotal('城北实验小学提供多少个学位', s, ['城北', '实验小学'], s.indexOf('1350'))).toBe(false);
  });
});

describe("a question naming a day or period gets that day's figure", () => {
  const s1 = '今年春节假期，森林公园累计接待游客41.6万人次，创下新高。';
  const s2 = '据统计，当天景区共接待游客3.8万人次。';

  it("answers with the figure of 当天 after the day's lead", () => {
    const passage = `9月27日是世界旅游日。当天，森林公园推出系列活动。\n${s1}${s2}`;
    expect(text(directAnswer('9月27日那天森林公园接待了多少游客', s2, passage))).toBe('3.8万人次');
  });

  it("refuses another period's figure", () => {
    expect(directAnswer('9月27日那天森林公园接待了多少游客', s1)).toBeUndefined();
    expect(otherPeriod('9月27日那天接待了多少游客', '今年春节假期，累计接待游客41.6万人次')).toBe(true);
    expect(otherPeriod('9月27日那天接待了多少游客', '9月27日当天共接待游客3.8万人次')).toBe(false);
    expect(otherPeriod('国庆假期接待了多少游客', '国庆假期共接待游客12万人次')).toBe(false);
    // A question naming no day binds nothing.
    expect(otherPeriod('森林公园接待了多少游客', s1)).toBe(false);
  });
});

describe('the unit or currency is the one given', () => {
  const s = '其中，德国某精密齿轮项目总投资1.5亿美元，达产后年产值可达12亿元。';

  it('answers a sum in its own currency', () => {
    expect(text(directAnswer('德国精密齿轮项目投资多少钱', s))).toBe('1.5亿美元');
  });

  it('does not answer with a sum of another clause in yuan', () => {
    expect(text(directAnswer('德国精密齿轮项目投资多少钱', s))).not.toBe('12亿元');
    expect(directAnswer('德国精密齿轮项目投资多少钱', '德国精密齿轮项目达产后年产值可达12亿元。')).toBeUndefined();
    expect(text(directAnswer('德国精密齿轮项目年产值多少', '德国精密齿轮项目达产后年产值可达12亿元。'))).toBe('12亿元');
  });
});

describe('a title asked for matches exactly', () => {
  it('answers with the holder of the title', () => {
    const s = '区人大常委会主任孙立海出席会议并讲话，区人大常委会党组书记、副主任李海涛主持会议。';
    expect(text(directAnswer('区人大常委会主任是谁', s))).toBe('孙立海');
  });

  it('refuses a deputy for the title', () => {
    const s = '区人大常委会党组书记、副主任李海涛通报了督查情况。';
    expect(directAnswer('区人大常委会主任是谁', s)).toBeUndefined();
    // The same name is read, and answers for the title it holds.
    expect(text(directAnswer('区人大常委会副主任是谁', s))).toBe('李海涛');
    const deputy = '区委常委、常务副区长顾卫东主持会议。';
    expect(directAnswer('区长是谁', deputy)).toBeUndefined();
    expect(text(directAnswer('常务副区长是谁', deputy))).toBe('顾卫东');
    expect(otherTitle('区人大常委会党组书记、副主任', '主任')).toBe(true);
    expect(otherTitle('区委副书记、区长', '区长')).toBe(false);
    // A name the passage gives no title to is not refused for it.
    expect(otherTitle('', '主任')).toBe(false);
  });
});

describe('a date answer carries its year', () => {
  it("takes the year from the article's date when the sentence omits it", () => {
    const s = '4月12日，崇川区召开深化文明城市长效管理动员会。';
    expect(text(directAnswer('文明城市动员会哪天开的', s, s, '2023-04-12'))).toBe('2023年4月12日');
  });

  it('keeps a year the text gives, and puts a late month of an early article in the year before', () => {
    expect(withYear('2021年8月6日', '2023-04-12')).toBe('2021年8月6日');
    expect(withYear('12月28日', '2024-02-03')).toBe('2023年12月28日');
    expect(withYear('3月底', '2025-03')).toBe('2025年3月底');
    // No date for the article: the answer stays as the text gives it.
    expect(withYear('4月12日', '')).toBe('4月12日');
  });
});

describe('readings of what is asked', () => {
  it('answers 几点 with a time of day, the part of day the question names first', () => {
    const s = '服务站每天早上7点半开门，晚上9点关门。';
    expect(text(directAnswer('服务站早上几点开门', s))).toBe('早上7点半');
    const t = '门诊时间由原来的下午5点延长至晚上8点。';
    expect(text(directAnswer('门诊晚上开到几点', t))).toBe('晚上8点');
    // A figure that is no time of day does not answer 几点.
    expect(directAnswer('服务站早上几点开门', '服务站共有志愿者12名。')).toBeUndefined();
  });

  it('reads 多长时间 as a duration, not a length', () => {
    const s = '志愿者累计服务时长超过8万小时，服务范围覆盖3公里。';
    expect(text(directAnswer('志愿者累计服务了多长时间', s))).toBe('超过8万小时');
  });

  it('reads 总额 and 授信 as sums of money', () => {
    const s = '对接会上，9家银行与31家企业现场签约，授信金额合计5.2亿元。';
    expect(text(directAnswer('银行给企业的授信总额是多少', s))).toBe('5.2亿元');
  });

  it('counts 下 and 次 as the same measure of times', () => {
    const s = '比赛中，一名五年级男生以196次的成绩获得第一名。';
    expect(text(directAnswer('跳绳第一名跳了多少下', s))).toBe('196次');
    // 五年级 is a school grade, never a duration.
    expect(directAnswer('他上了几年学', s)).toBeUndefined();
  });

  it('reads 今冬以来 as within this year', () => {
    const s = '今冬以来，志愿者已在湿地记录到鸟类72种。';
    expect(text(directAnswer('湿地今年冬天记录到多少种鸟', s))).toBe('72种');
  });

  it('asks for a person by a role and 叫什么名字', () => {
    const s = '区级代表性传承人孙立海走进校园，给风筝社团的学生上了一堂非遗课。';
    expect(text(directAnswer('给学生上风筝课的传承人叫什么名字', s))).toBe('孙立海');
    // Without a role before it, 叫什么 asks for no person.
    expect(directAnswer('这个培训班叫什么名字', s)?.kind).not.toBe('person');
  });
});

describe("the question word's own measure", () => {
  it('decides over a topic word of another measure', () => {
    const s = '居民扫码即可充电，1元钱能充4小时。';
    expect(text(directAnswer('充1块钱能充多久', s))).toBe('4小时');
    expect(text(directAnswer('充4小时要多少钱', s))).toBe('1元');
  });
});

describe('the sentence before names the subject of the figures that follow', () => {
  const figures = '52家企业带来岗位1100余个，约900名求职者进场。';
  const aside = '现场还设立了岗位咨询台。';

  it('ties a figure to the question by the subject named in the sentence right before', () => {
    const passage = ['6月3日，城西街道秋季招聘会在文化广场举行。', figures, aside].join('');
    expect(text(directAnswer('城西街道秋季招聘会提供了多少岗位', figures, passage))).toBe('1100余个');
  });

  it('refuses when the subject stands further away or another subject stands before', () => {
    const apart = ['6月3日，城西街道秋季招聘会在文化广场举行。', aside, figures].join('');
    expect(directAnswer('城西街道秋季招聘会提供了多少岗位', figures, apart)).toBeUndefined();
    const other = ['6月3日，城东街道举办了一场家政技能培训。', figures, aside].join('');
    expect(directAnswer('城西街道秋季招聘会提供了多少岗位', figures, other)).toBeUndefined();
  });
});

describe('a total and a running total', () => {
  const schools = '今年秋季将投入使用的两所新建学校，建成后共新增学位2100个。';

  it('answers 一共 (a sum) with this year’s total: 一共 is not a running total', () => {
    expect(text(directAnswer('那两所学校一共新增多少学位', schools))).toBe('2100个');
  });

  it('still refuses this year’s figure for a question about the running total (累计)', () => {
    expect(directAnswer('这几年累计新增多少学位', schools)).toBeUndefined();
  });

  const rivers = ['7月2日，城南街道为新招募的36名巡河志愿者颁发聘书。', '至此，街道巡河志愿者已达120人。'];

  it('answers a question about one occasion with what the occasion added', () => {
    expect(text(directAnswer('城南街道这次招募了多少名巡河志愿者', rivers[0]!, rivers.join('')))).toBe('36名');
    expect(runningTotal('城南街道这次招募了多少名巡河志愿者', rivers[0]!)).toBe(false);
  });

  it('refuses the running total (至此……已达) for one occasion, not for the whole', () => {
    expect(runningTotal('城南街道这次招募了多少名巡河志愿者', rivers[1]!)).toBe(true);
    expect(directAnswer('城南街道这次招募了多少名巡河志愿者', rivers[1]!)).toBeUndefined();
    expect(text(directAnswer('城南街道巡河志愿者有多少人', rivers[1]!))).toBe('120人');
  });
});

describe('a figure of places yields to the count of the thing itself', () => {
  const built = '今年街道在9个社区、15个小区建成充电桩40处，方便居民充电。';

  it('answers with the count that follows the asked thing’s name in the clause', () => {
    expect(text(directAnswer('街道建成了多少个充电桩', built))).toBe('40处');
    expect(countsPlacesOf('街道建成了多少个充电桩', built, 5, 7, ['街道', '建成', '充电'])).toBe(false);
  });

  it('still counts the places when the clause gives no count of the thing', () => {
    const s = '今年街道在9个社区、15个小区建成充电桩，方便居民充电。';
    expect(countsPlacesOf('街道建成了多少个充电桩', s, 5, 7, ['街道', '建成', '充电'])).toBe(true);
  });
});

describe('a group picked from, and a figure closing its own list item', () => {
  it('refuses the size of the group a sentence picks one member from (N处X中)', () => {
    expect(amongGroup('两处游客中心中，北门游客中心规模最大', 2)).toBe(true);
    expect(directAnswer('北门游客中心有多少个座位', '两处游客中心中，北门游客中心规模最大。')).toBeUndefined();
  });

  it('answers with the member’s own figure after the group', () => {
    expect(amongGroup('两处游客中心已投用', 2)).toBe(false);
    expect(text(directAnswer('北门游客中心有多少个座位', '两处游客中心中，北门游客中心规模最大，有座位80个。'))).toBe(
      '80个',
    );
  });

  it('keeps a figure that closes an item of its own (「车棚6处、增设停车位120个」)', () => {
    const s = '文昌新村将新建非机动车车棚6处、增设停车位120个，并整理楼道线路。';
    expect(text(directAnswer('文昌新村改造要增加多少个停车位', s))).toBe('120个');
    expect(listTotal('文昌新村改造要增加多少个停车位', s, ['文昌', '新村', '停车位'], s.indexOf('120'))).toBe(false);
  });
});

describe('what is done is not what is planned', () => {
  const parks = '今年，和平桥街道计划新建口袋公园8座，目前已建成口袋公园3座。';

  it('answers a question about what is already done with the done figure', () => {
    expect(text(directAnswer('和平桥街道已经建成几座口袋公园', parks))).toBe('3座');
    expect(plannedFigure('和平桥街道已经建成几座口袋公园', '目前已建成口袋公园3座')).toBe(false);
  });

  it('refuses the plan’s figure for it, and keeps it for a question about the plan', () => {
    expect(directAnswer('和平桥街道已经建成几座口袋公园', '今年，和平桥街道计划新建口袋公园8座。')).toBeUndefined();
    expect(plannedFigure('和平桥街道已经建成几座口袋公园', '今年，和平桥街道计划新建口袋公园8座')).toBe(true);
    expect(text(directAnswer('和平桥街道计划建几座口袋公园', parks))).toBe('8座');
  });
});

describe('a name after a title, whatever jieba tags it', () => {
  it('reads a surname and the word after a title as a name (主任李/明远)', () => {
    expect(text(directAnswer('区人大常委会主任是谁', '区人大常委会主任李明远带队视察重点项目建设。'))).toBe('李明远');
    expect(directAnswer('区人大常委会主任是谁', '区人大常委会副主任李明远带队视察重点项目建设。')).toBeUndefined();
  });

  it('reads a word between a title and a verb of speech as a name (书记高远介绍), not after another verb', () => {
    const s = '街道党工委书记高远介绍，街道还为老人免费安装了烟感报警器。';
    expect(text(directAnswer('任港街道党工委书记是谁', s))).toBe('高远');
    expect(directAnswer('任港街道党工委书记是谁', '街道党工委书记高远地提出要求。')).toBeUndefined();
  });
});

describe('one day of a period is not the whole period', () => {
  const holiday =
    '今年国庆假期，五山森林公园共接待游客18.6万人次。其中10月1日当天游客最多，达4.2万人次；假期最后一天受降温影响，游客量回落至1.3万人次。';

  it("answers a question about one day of a period with that day's figure", () => {
    expect(text(directAnswer('国庆假期最后一天五山森林公园游客有多少', holiday))).toBe('1.3万人次');
    expect(wholePeriodFor('国庆假期最后一天游客有多少', '假期最后一天受降温影响，游客量回落至1.3万人次')).toBe(false);
  });

  it("refuses the period's figure for it, and keeps it for the whole period", () => {
    expect(wholePeriodFor('国庆假期最后一天游客有多少', '今年国庆假期，五山森林公园共接待游客18.6万人次')).toBe(true);
    expect(
      directAnswer('国庆假期最后一天五山森林公园游客有多少', '今年国庆假期，五山森林公园共接待游客18.6万人次。'),
    ).toBeUndefined();
    expect(
      text(directAnswer('国庆假期五山森林公园一共接待了多少游客', '今年国庆假期，五山森林公园共接待游客18.6万人次。')),
    ).toBe('18.6万人次');
  });
});

describe('a time span of the day is one answer', () => {
  const s = '社区图书馆自习室延长开放时间，每天9:00至21:00免费开放，周一闭馆。';

  it('answers with the whole span when the question asks when, or from when to when', () => {
    expect(text(directAnswer('社区图书馆自习室几点开放到几点', s))).toBe('9:00至21:00');
    expect(text(directAnswer('社区图书馆自习室几点有人', '自习室每天8时—17时有管理员值守。'))).toBe('8时—17时');
  });

  it('answers with its start or end when the question asks for one, never the other end', () => {
    expect(text(directAnswer('社区图书馆自习室每天几点开放', s))).toBe('9:00');
    expect(text(directAnswer('社区图书馆自习室开放到几点', s))).toBe('21:00');
    // Two times of day that are no span (one moved to the other) stay apart.
    const moved = '门诊时间由原来的下午5点延长至晚上8点。';
    expect(text(directAnswer('门诊晚上开到几点', moved))).toBe('晚上8点');
  });
});

describe('a figure before its own noun is that noun’s', () => {
  const s = '本届运动会设5公里健康跑和10公里挑战跑两个组别，起点设在体育中心。';

  it('answers with the figure right before the noun asked', () => {
    expect(text(directAnswer('运动会挑战跑多少公里', s))).toBe('10公里');
    expect(text(directAnswer('运动会的健康跑多长', s))).toBe('5公里');
    expect(ownNoun('设5公里健康跑和10公里挑战跑', 4)).toBe('健康跑');
  });

  it("refuses the other noun's figure, and refuses neither when no noun is asked", () => {
    // Where each figure's measure word ends: its own noun starts there.
    const [easy, hard] = [s.indexOf('健康跑'), s.indexOf('挑战跑')];
    expect(anotherFiguresNoun(s, easy, [easy, hard], ['挑战'])).toBe(true);
    expect(anotherFiguresNoun(s, hard, [easy, hard], ['挑战'])).toBe(false);
    expect(anotherFiguresNoun(s, easy, [easy, hard], ['运动会'])).toBe(false);
  });
});

describe('a part after 其中 answers only a question naming what the part says', () => {
  const s = '本届书展共展出图书3.2万册，其中1.1万册为首次在本地亮相。';
  const has = (t: string, x: string) => x.includes(t);

  it('answers with the part when the question names its qualifier (in another form too)', () => {
    expect(text(directAnswer('书展有多少册图书是第一次在本地亮相', s))).toBe('1.1万册');
    expect(partOrWhole(s, s.indexOf('3.2万册'), ['图书', '首次'], has)).toBe(true);
  });

  it('answers with the whole otherwise, refusing the part', () => {
    expect(text(directAnswer('书展一共展出了多少册图书', s))).toBe('3.2万册');
    expect(partOrWhole(s, s.indexOf('1.1万册'), ['书展', '图书'], has)).toBe(true);
    expect(partOrWhole(s, s.indexOf('3.2万册'), ['书展', '图书'], has)).toBe(false);
  });
});

describe('figures said in words and the measure words of news', () => {
  it('reads 逾百件, 百余名 and 艘 as figures', () => {
    expect(text(directAnswer('特展拿出了多少件藏品', '特展从馆藏中甄选出逾百件藏品，分三个单元展出。'))).toBe('逾百件');
    expect(text(directAnswer('港口新增了几艘拖轮', '今年港口新增了4艘拖轮，作业效率明显提升。'))).toBe('4艘');
  });

  it('does not read a bare 百 or a word with 百 as a figure', () => {
    expect(directAnswer('特展拿出了多少件藏品', '百年老店推出新品，吸引市民排队购买。')).toBeUndefined();
  });
});

describe('what a question counts, read generally', () => {
  it('counts a compound by its last character: 几个站 is answered by 车站', () => {
    expect(countsAsked('地铁线在城区有几个站', ['车站'])).toBe(true);
    expect(countsAsked('地铁线在城区有几个站', ['换乘', '区域'])).toBe(false);
  });

  it('counts people of any kind for 多少人, not for another measure word', () => {
    expect(countsAnyPeople(['人'], '名')).toBe(true);
    expect(text(directAnswer('健步走活动有多少人参加', '健步走活动当天，2000名健走爱好者参加。'))).toBe('2000名');
    expect(countsAnyPeople(['人'], '家')).toBe(false);
    expect(countsAnyPeople(['户'], '名')).toBe(false);
  });
});

describe('half evidence does not decide alone in the answer sentence', () => {
  const sentence = '3月2日，东园社区助老餐厅开业，可同时容纳80人就餐。';
  const passage = `${sentence}\n餐厅还为行动不便的老人提供送餐服务，目前已有31位老人登记送餐。`;

  it("hears the passage's figure in the unit asked (31位) over another unit of its family (80人)", () => {
    expect(text(directAnswer('东园社区助老餐厅有几位老人登记了送餐', sentence, passage))).toBe('31位');
  });

  it('still answers with the family unit when the passage holds no other figure', () => {
    expect(text(directAnswer('东园社区助老餐厅能容纳几位老人就餐', sentence))).toBe('80人');
  });
});

describe('the end or the start of a period asked for', () => {
  const s = '9月1日起，“运河记忆”老照片展在区文化馆展出，展期至11月30日。';

  it('answers 到什么时候 with the date that ends the period, 从哪天 with the one that starts it', () => {
    expect(text(directAnswer('运河记忆老照片展到什么时候', s, s, '2024-09-01'))).toBe('2024年11月30日');
    expect(text(directAnswer('运河记忆老照片展从哪天开始', s, s, '2024-09-01'))).toBe('2024年9月1日');
    const span = '今年冬季长跑报名时间为11月5日至11月15日，名额有限。';
    expect(text(directAnswer('冬季长跑报名哪天截止', span, span, '2024-11-01'))).toBe('2024年11月15日');
    expect(dateBound(span, span.indexOf('11月5日'), span.indexOf('至'), 'start')).toBe('fits');
  });

  it('refuses the other end, and a date that marks neither (the day a story is reported)', () => {
    expect(dateBound(s, 0, 4, 'end')).toBe('other');
    const reported = '10月8日，记者从区文化馆获悉，“运河记忆”老照片展吸引市民3万人次。';
    expect(directAnswer('运河记忆老照片展到什么时候', reported, reported, '2024-10-08')).toBeUndefined();
  });

  it('does not hold a year the text says as 今年 against the sentence', () => {
    const p = '今年全区暑期托管点共28个。暑期托管以作业辅导为主。托管将持续到8月23日。';
    expect(text(directAnswer('2024年暑期托管到哪天结束', '托管将持续到8月23日。', p, '2024-08-10'))).toBe(
      '2024年8月23日',
    );
  });

  it('reads 啥时候 as a date question', () => {
    const t = '区教育局表示，新学区划分方案将于6月上旬向社会公布。';
    expect(text(directAnswer('新学区划分方案啥时候公布', t, t, '2024-04-02'))).toBe('2024年6月上旬');
  });
});

describe('a list item is what follows 的', () => {
  it('does not read 「公园的早樱、玉兰」 as a list of parks', () => {
    const s = '3月9日，森林公园的早樱、玉兰竞相绽放，当天入园游客达1.6万人次。';
    expect(text(directAnswer('3月9日森林公园来了多少游客', s))).toBe('1.6万人次');
    expect(listTotal('3月9日森林公园来了多少游客', s, ['森林', '公园', '游客'], s.indexOf('1.6'))).toBe(false);
  });
});

describe('what a figure is per, and days counted as 工作日', () => {
  it('does not ask the sentence to hold 一张/一趟 (what the figure is per)', () => {
    expect(askedFor('古运河游船坐一趟要多久')?.terms).not.toContain('一趟');
    const s = '今年古运河新增了2艘游船，夜游航线单程约50分钟，票价每人60元。';
    const p = `今年古运河夜游持续火热。古运河夜游航线增加到3条。${s}`;
    expect(text(directAnswer('古运河夜游坐一趟要多久', s, p))).toBe('约50分钟');
  });

  it('reads 个工作日 as days, and no bare 个 as a duration', () => {
    const s = '评估结果会在社区公示7个工作日，无异议后生效。';
    expect(text(directAnswer('评估结果要公示几天', s))).toBe('7个工作日');
    expect(directAnswer('评估结果要公示几天', '评估结果会在7个社区公示。')).toBeUndefined();
  });
});

describe('a time before or after an event is no duration', () => {
  it('refuses 「节前两天」 and 「三天后」 for 多长时间, keeps 「提前两天」 and a plain duration', () => {
    const s = '9月15日，中秋节前两天，社区志愿服务队在小区广场摆开便民摊位。';
    expect(directAnswer('社区志愿者累计服务了多长时间', s)).toBeUndefined();
    expect(directAnswer('展览要布展多久', '展览布展三天后正式开放。')).toBeUndefined();
    expect(text(directAnswer('参观要提前几天预约', '参观需提前两天在公众号预约。'))).toBe('两天');
    expect(text(directAnswer('社区志愿者累计服务了多长时间', '社区志愿者累计服务超过5万小时。'))).toBe('超过5万小时');
  });
});

describe('the noun a question counts right after 多少', () => {
  const s = '城北新城幼儿园设12个班，新增学位360个。';

  it('refuses a figure counting another noun (12个班 for 多少孩子)', () => {
    expect(askedFor('城北新城幼儿园能收多少孩子')?.counted).toBe('孩子');
    expect(text(directAnswer('城北新城幼儿园能收多少孩子', s))).toBe('360个');
  });

  it('reads no counted noun when the question names a measure word or a family', () => {
    expect(askedFor('城北新城幼儿园能收多少个孩子')?.counted).toBeUndefined();
    expect(askedFor('项目投了多少钱')?.counted).toBeUndefined();
  });
});

describe('a name right after a title jieba cuts across', () => {
  it('reads 「传承人季永福走进校园」 as the holder of the title asked', () => {
    const s = '这是剪纸市级代表性传承人季永福走进校园，给社团学生上的一堂非遗课。';
    expect(text(directAnswer('给学生上剪纸课的传承人叫什么名字', s))).toBe('季永福');
  });

  it('reads no name from a word that opens with no surname, nor for another title', () => {
    expect(directAnswer('给学生上剪纸课的传承人叫什么名字', '剪纸传承人表示，将继续走进校园。')).toBeUndefined();
    expect(directAnswer('社区的主任是谁', '这是剪纸市级代表性传承人季永福走进校园。')).toBeUndefined();
  });
});

describe('minutes and seconds are one duration', () => {
  it('answers 多长时间 with 「2分30秒」, not its seconds alone', () => {
    const s = '全校师生沿预定路线撤离到操场，整个疏散过程用时2分30秒。';
    expect(text(directAnswer('学校地震演练多长时间疏散完', s))).toBe('2分30秒');
    expect(directAnswer('学校地震演练多长时间疏散完', '全校师生于2点30分撤离到操场。')).toBeUndefined();
  });
});

describe('a thing asked for by its kind (什么花, 什么生产线, 培训班叫什么名字)', () => {
  it('answers with the noun phrase ending in the kind asked, or the quoted name before it', () => {
    const flowers = '4月6日，城北街道的海棠花进入盛花期，市民在公园里拍照。';
    expect(text(directAnswer('城北街道4月初开的是什么花', flowers))).toBe('海棠花');
    const plant = '德国某精工项目总投资3000万欧元，将建设精密轴承生产线。';
    expect(text(directAnswer('精工项目要建什么生产线', plant))).toBe('精密轴承生产线');
    const club = '近日，“悦读时光”亲子读书会在社区图书馆开讲，20组家庭参加。';
    expect(text(directAnswer('社区图书馆的亲子读书会叫什么名字', club))).toBe('悦读时光');
  });

  it('refuses one item of a list, and reads nothing when 什么 names no kind', () => {
    const papers = '对于随迁子女入学，凭居住证和社保缴纳证明即可申请。';
    expect(directAnswer('随迁子女入学要带什么证明', papers)).toBeUndefined();
    expect(askedFor('江边新修好了什么')).toBeUndefined();
    // A meeting or an activity is named by what it is about, at length: no short answer is sought.
    expect(askedFor('6月12日区里开了什么会')).toBeUndefined();
    expect(askedFor('社区周末搞了什么活动')).toBeUndefined();
    expect(askedFor('城北街道4月初开的是什么花')?.noun).toBe('花');
  });
});

describe('哪两个, 哪几家: which ones, listed together', () => {
  it('answers with the places listed together', () => {
    const s = '视察组先后来到城东街道和平社区、文峰街道紫荆社区，察看电梯运行情况。';
    expect(askedFor('人大视察加装电梯去了哪两个社区')?.plural).toBe(true);
    expect(text(directAnswer('人大视察加装电梯去了哪两个社区', s))).toBe('和平社区、紫荆社区');
  });

  it('gives no count for it, and reads 哪个 as one', () => {
    expect(askedFor('人大视察去了哪个社区')?.plural).toBe(false);
    expect(askedFor('人大视察去了哪两个社区')?.kind).toBe('place');
  });
});

describe('fees, prices, wages and fines are sums; 哪条路 asks for a road', () => {
  it('answers 挂号费多少 with a sum, never with a count', () => {
    const s = '夜间门诊挂号费每次8元，全区共有4家社区医院开设夜间门诊。';
    expect(text(directAnswer('社区医院夜间门诊挂号费多少', s))).toBe('8元');
    expect(directAnswer('社区医院夜间门诊挂号费多少', '全区共有4家社区医院开设夜间门诊。')).toBeUndefined();
    expect(askedFor('岗位平均月薪多少')?.units).toContain('元');
    expect(askedFor('活动免费参加的有多少人')?.units).not.toContain('元');
  });

  it('answers 哪条路 with a road, not the area the place lies in', () => {
    const s = '新校区位于崇川路，紧邻市北高新区，9月投入使用。';
    expect(text(directAnswer('新校区在哪条路上', s))).toBe('崇川路');
    expect(directAnswer('新校区在哪条路上', '新校区位于市北高新区，9月投入使用。')).toBeUndefined();
  });
});

describe('a holiday is not another holiday, and a period’s end times nothing within it', () => {
  it("refuses 春节假期's figure for 国庆假期, keeps it for 春节", () => {
    const s = '今年春节假期，森林公园累计接待游客31.5万人次，创下历史新高。';
    expect(otherPeriod('国庆假期森林公园一共接待了多少游客', s)).toBe(true);
    expect(directAnswer('国庆假期森林公园一共接待了多少游客', s)).toBeUndefined();
    expect(text(directAnswer('春节假期森林公园一共接待了多少游客', s))).toBe('31.5万人次');
  });

  it('does not time an event held within a period by the date the period ends', () => {
    const s = '据了解，植物园花展将持续到5月上旬，其间将举办月季文化节等活动。';
    expect(directAnswer('植物园月季文化节是哪天举办', s, s, '2024-04-01')).toBeUndefined();
    const held = '据了解，植物园将于5月3日举办月季文化节。';
    expect(text(directAnswer('植物园月季文化节是哪天举办', held, held, '2024-04-01'))).toBe('2024年5月3日');
  });
});

describe('what a question names of its answer, read generally', () => {
  it('answers 哪个码头 with a name ending in 码头, nothing else', () => {
    expect(askedFor('夜游在哪个码头上船')?.noun).toBe('码头');
    expect(text(directAnswer('夜游在哪个码头上船', '夜游游船从南门码头出发，沿河航行一圈。'))).toBe('南门码头');
    expect(directAnswer('夜游在哪个码头上船', '今年以来景区持续推进夜游提档升级。')).toBeUndefined();
  });

  it('asks the part named after 里/当中 (新增就业里高校毕业生), not the whole', () => {
    expect(askedFor('今年新增就业里高校毕业生有多少')?.part).toBe('高校毕业生');
    expect(askedFor('小区里新开的养老中心有多少张床位')?.part).toBeUndefined();
    const s = '全年城镇新增就业1.8万人，其中高校毕业生6200人。';
    expect(text(directAnswer('今年新增就业里高校毕业生有多少', s))).toBe('6200人');
    expect(directAnswer('今年新增就业里高校毕业生有多少', '全年城镇新增就业1.8万人。')).toBeUndefined();
  });

  it("reads a sum's measure as the one named last before it (门票及二次消费收入 is revenue)", () => {
    const s = '五一假期景区实现门票及二次消费收入1200万元。';
    expect(otherMeasure('景区门票多少钱一张', s, s.indexOf('1200'))).toBe(true);
    expect(directAnswer('景区门票多少钱一张', s)).toBeUndefined();
    expect(text(directAnswer('景区门票多少钱一张', '景区门票每张60元，学生半价。'))).toBe('60元');
  });

  it('does not ask the sentence to hold 一班 (what the figure is per)', () => {
    expect(askedFor('到上海的高铁多久一班')?.terms).not.toContain('一班');
  });
});

describe('spoken questions', () => {
  it('reads 啥 as 什么 and 「书记是哪个」 as who holds the title', () => {
    expect(askedFor('培训班叫啥名字')?.kind).toBe('thing');
    expect(askedFor('这个展在啥地方办')?.kind).toBe('place');
    const s = '街道党工委书记高远介绍，街道还为老人免费安装了烟感报警器。';
    expect(text(directAnswer('街道党工委书记是哪个', s))).toBe('高远');
  });

  it('does not read 是哪个 after no title as a person question', () => {
    expect(askedFor('最大的停车场是哪个')?.kind).not.toBe('person');
  });
});

describe('a title belongs to its place', () => {
  it("refuses the holder of the same title of another place (市北高新区's, for 任港街道's)", () => {
    const other = '区委副书记、市北高新区党工委书记徐海燕宣读相关文件。';
    expect(directAnswer('现在任港街道党工委书记是谁', other)).toBeUndefined();
    expect(otherOwner('区委副书记、市北高新区党工委书记', '党工委书记', '现在任港街道党工委书记是谁')).toBe(true);
  });

  it('answers with the holder of that place, or of a title naming no place', () => {
    const own = '任港街道党工委书记高远介绍，街道还为老人安装了烟感报警器。';
    expect(text(directAnswer('现在任港街道党工委书记是谁', own))).toBe('高远');
    expect(otherOwner('街道党工委书记', '党工委书记', '现在任港街道党工委书记是谁')).toBe(false);
  });
});

describe('现在/目前 asks for the figure of now, not the one marked past', () => {
  it('answers with the figure of now', () => {
    const s = '今年古运河夜游航线由原来的1条增加到3条，单程约50分钟。';
    expect(text(directAnswer('古运河夜游现在有几条航线', s))).toBe('3条');
    expect(text(directAnswer('产业园现在有多少家企业', '产业园去年仅有80家企业入驻，目前已有126家。'))).toBe('126家');
  });

  it('refuses the past figure for now, and keeps it when the past is asked', () => {
    expect(pastFigure('产业园现在有多少家企业', '产业园去年仅有80家企业入驻', '产业园去年仅有'.length)).toBe(true);
    const s = '今年古运河夜游航线由原来的1条增加到3条，单程约50分钟。';
    expect(text(directAnswer('古运河夜游原来有几条航线', s))).toBe('1条');
  });
});

describe('how often, a day that comes back, and what a figure is per', () => {
  it('answers 多久……一次 with 每周/每3天, and nothing without one', () => {
    const s = '网格员与独居老人结对，每周至少上门一次，节假日每天电话问候。';
    expect(askedFor('网格员多久上门一次')?.frequency).toBe(true);
    expect(text(directAnswer('网格员多久上门一次', s))).toBe('每周');
    expect(directAnswer('网格员多久上门一次', '网格员与独居老人结对，定期上门。')).toBeUndefined();
  });

  it('answers 每个月哪天 with a day that comes back, and reads none for a one-off date question', () => {
    const s = '志愿者每月第三个周日集中开展巡河活动。';
    expect(text(directAnswer('志愿者每个月哪天集中巡河', s))).toBe('第三个周日');
    expect(directAnswer('志愿者哪天集中巡河', s)).toBeUndefined();
  });

  it('prefers the figure per the measure asked (每度电收费0.6元 for 一度电多少钱)', () => {
    const s = '充电桩支持扫码付费，每度电收费0.6元，充满一辆电动自行车约需1元。';
    expect(askedFor('充电桩一度电多少钱')?.per).toBe('度');
    expect(text(directAnswer('充电桩一度电多少钱', s))).toBe('0.6元');
    expect(text(directAnswer('充满一辆电动自行车要多少钱', s))).toBe('1元');
  });
});

describe("a park's count is not the district's", () => {
  it('refuses a figure whose clause holds the question’s words only inside a park’s name', () => {
    const park = '位于城东街道的海门跨境电商产业园已入驻企业58家。';
    expect(insideOtherPlace('海门现在有多少家跨境电商企业', park, ['海门', '跨境', '电商', '企业'])).toBe(true);
    expect(directAnswer('海门现在有多少家跨境电商企业', park)).toBeUndefined();
  });

  it('answers when the question names the park, or the figure is the district’s', () => {
    const park = '位于城东街道的海门跨境电商产业园已入驻企业58家。';
    expect(text(directAnswer('海门跨境电商产业园入驻了多少家企业', park))).toBe('58家');
    const district = '今年上半年，海门跨境电商企业数量增至190家。';
    expect(text(directAnswer('海门现在有多少家跨境电商企业', district))).toBe('190家');
  });
});

describe('a count of a list is not what one member has', () => {
  it('refuses 「A、B、C三个X」 for a question naming one member, and the total after it', () => {
    const s = '至此，东港、北仓、西坝三个农贸市场的改造全部完成，共新增摊位240个。';
    expect(countsListItems('北仓农贸市场新增了多少个摊位', s, s.indexOf('三个'), '三个')).toBe(true);
    expect(directAnswer('北仓农贸市场新增了多少个摊位', s)).toBeUndefined();
  });

  it('answers how many the members are, and a list counted by a figure that differs', () => {
    const s = '项目分布在东港、北仓、西坝、南岭四个街道。';
    expect(countsListItems('项目分布在几个街道', s, s.indexOf('四个'), '四个')).toBe(false);
    expect(text(directAnswer('项目分布在几个街道', s))).toBe('四个');
    const other = '东港、北仓两个街道新建驿站12个。';
    expect(countsListItems('北仓街道新建了几个驿站', other, other.indexOf('12个'), '12个')).toBe(false);
  });
});

describe('a sum over an event is not one day of it', () => {
  it('refuses a figure of 当天 for 一共, and takes the running total', () => {
    const passage = '3月5日元宵节晚上，灯会当天接待游客7.2万人次。\n自2月10日开灯以来，灯会累计接待游客55万人次。';
    expect(oneDayForSum('灯会一共接待了多少游客', '灯会当天接待游客7.2万人次')).toBe(true);
    expect(text(directAnswer('灯会一共接待了多少游客', passage.split('\n')[0]!, passage))).toBe('55万人次');
  });

  it('answers a day asked for with the day’s figure', () => {
    expect(oneDayForSum('元宵节当天灯会接待了多少游客', '灯会当天接待游客7.2万人次')).toBe(false);
    expect(text(directAnswer('元宵节当天灯会接待了多少游客', '3月5日元宵节晚上，灯会当天接待游客7.2万人次。'))).toBe(
      '7.2万人次',
    );
  });
});

describe("a figure under an earlier period is that period's", () => {
  const s = '其中春节假期7天，全区景区共接待游客98万人次，2月12日当天游客最多，达19.6万人次。';
  it('refuses the holiday’s figure for the day named after it', () => {
    expect(earlierPeriodsFigure('2月12日那天景区来了多少人', s, s.indexOf('98万'))).toBe(true);
    expect(text(directAnswer('2月12日那天景区来了多少游客', s))).toBe('19.6万人次');
  });

  it('keeps a figure after the day asked, and the holiday’s figure for the holiday', () => {
    expect(earlierPeriodsFigure('2月12日那天景区来了多少人', s, s.indexOf('19.6万'))).toBe(false);
    expect(earlierPeriodsFigure('春节假期景区来了多少游客', s, s.indexOf('98万'))).toBe(false);
    const dayFirst = '2月12日是春节假期第三天，全区景区接待游客19.6万人次。';
    expect(earlierPeriodsFigure('2月12日那天景区来了多少游客', dayFirst, dayFirst.indexOf('19.6万'))).toBe(false);
  });
});

describe('a part of the whole is not a change', () => {
  it('refuses a growth rate for 占多少, and answers the share', () => {
    expect(changeForPart('外地游客占多少', '共接待游客38万人次，同比增长12%')).toBe(true);
    const s = '今年春节假期，山上共接待游客38万人次，同比增长12%，外地游客占比约为41%。';
    expect(text(directAnswer('外地游客占多少', s))).toBe('41%');
  });

  it('answers a growth rate asked for', () => {
    expect(changeForPart('游客同比增长了多少', '共接待游客38万人次，同比增长12%')).toBe(false);
    expect(text(directAnswer('游客同比增长了多少', '今年春节假期，山上共接待游客38万人次，同比增长12%。'))).toBe('12%');
  });
});

describe('a place the text lists with others', () => {
  it('answers 哪个站 with every station the sentence lists, by name', () => {
    const s = '3号线与1号线在钟楼站、北门站实现换乘。';
    expect(text(directAnswer('3号线和1号线在哪个站换乘', s))).toBe('钟楼站、北门站');
  });

  it('answers one station alone', () => {
    expect(text(directAnswer('3号线和1号线在哪个站换乘', '3号线与1号线在钟楼站实现换乘。'))).toBe('钟楼站');
  });
});

describe('a date is no sum of yen', () => {
  it('reads 「3月5日元宵节」 as a date, and 日元 after a figure as yen', () => {
    expect(directAnswer('元宵灯会门票多少钱', '3月5日元宵节晚上，元宵灯会开幕，门票免费。')).toBeUndefined();
    expect(text(directAnswer('项目投资多少钱', '该项目由日本企业投资，总投资30亿日元。'))).toBe('30亿日元');
  });
});

describe('a figure in another measure word than the one asked', () => {
  it('refuses it when its clause names another thing than the noun counted after the measure word', () => {
    const s = '截至9月底，全区已建成公共充电桩3600余个，今年内还将新建超充站3座。';
    expect(otherCountedNoun('工农路那个快充站有几个充电枪', s, s.indexOf('3座'), s.indexOf('3座') + 2, '座')).toBe(
      true,
    );
    expect(
      directAnswer('工农路那个快充站有几个充电枪', '今年内还将新建超充站3座，进一步缓解充电焦虑。'),
    ).toBeUndefined();
  });

  it('keeps it when the clause names the noun counted, or the measure word is the one asked', () => {
    const s = '新建的停车场配备充电桩12根。';
    expect(otherCountedNoun('停车场有几个充电桩', s, s.indexOf('12根'), s.indexOf('12根') + 3, '根')).toBe(false);
    expect(text(directAnswer('停车场有几个充电桩', s))).toBe('12根');
    expect(text(directAnswer('工农路那个快充站有几个充电枪', '充电站共有超充桩10个，单桩最大功率480千瓦。'))).toBe(
      '10个',
    );
  });

  it('keeps it within one family of measure words, and after 多少人 a verb names no counted noun', () => {
    const s = '3000名跑步爱好者沿濠河环跑。';
    expect(otherCountedNoun('新年健身跑有多少人参加', s, 0, 5, '名')).toBe(false);
  });
});

describe('a noun phrase closing 多少 is what is counted', () => {
  it('refuses a figure of another noun (三处停车场) for 多少公共充电桩', () => {
    expect(askedFor('崇川现在一共有多少公共充电桩')?.counted).toBe('公共充电桩');
    expect(directAnswer('崇川现在一共有多少公共充电桩', '新建的三处停车场都配建了新能源汽车充电桩。')).toBeUndefined();
  });

  it('answers with the figure given after the noun', () => {
    expect(text(directAnswer('崇川现在一共有多少公共充电桩', '崇川区已建成各类公共充电桩3600余个。'))).toBe('3600余个');
  });

  it('reads no counted noun in a span asked with two question words', () => {
    expect(askedFor('高温天户外干活要避开几点到几点')?.counted).toBeUndefined();
  });
});

describe('a difference asked (能便宜多少)', () => {
  it('refuses a price given with no word of reduction', () => {
    expect(priceForDifference('80岁以上老人吃饭能便宜多少', '80岁以上老人每餐8元')).toBe(true);
    expect(directAnswer('80岁以上老人吃饭能便宜多少', '60岁以上老人每餐10元，80岁以上老人每餐8元。')).toBeUndefined();
  });

  it('answers with the subsidy, and reads 80周岁 as an age, not weeks', () => {
    expect(priceForDifference('80岁以上老人吃饭能便宜多少', '80周岁以上老人每餐再补贴3元')).toBe(false);
    expect(text(directAnswer('80岁以上老人吃饭能便宜多少', '80周岁以上老人每餐再补贴3元。'))).toBe('3元');
  });
});

describe('figures asked by another measure word of their family', () => {
  it('answers 几台 with a figure in 部, and 多少棵 with one in 株', () => {
    expect(text(directAnswer('城东老小区今年要加装几台电梯', '今年街道计划加装电梯38部，目前已完工14部。'))).toBe(
      '38部',
    );
    expect(text(directAnswer('公园今年种了多少棵树', '今年公园补种乔木2300余株。'))).toBe('2300余株');
  });

  it('refuses a figure in a measure word of another family', () => {
    expect(directAnswer('城东老小区今年要加装几台电梯', '今年街道计划为38栋楼加装电梯。')).toBeUndefined();
  });
});

describe('a year the question names', () => {
  const s = '今年，崇川区将对12个老旧小区实施综合改造，项目分布在城东、虹桥、和平桥、新城桥四个街道。';
  it('gives no figure from an article of another year that names neither that year nor 去年', () => {
    expect(directAnswer('2022年老小区改造分布在几个街道', s, s, '2025-06-10')).toBeUndefined();
  });

  it('answers from an article of that year, or of the next year speaking of 去年', () => {
    expect(text(directAnswer('2022年老小区改造分布在几个街道', s, s, '2022-05-09'))).toBe('四个');
    const next = '去年，崇川区对12个老旧小区实施综合改造，项目分布在城东、虹桥、和平桥、新城桥四个街道。';
    expect(text(directAnswer('2022年老小区改造分布在几个街道', next, next, '2023-01-05'))).toBe('四个');
  });
});

describe('a name introduced by its role', () => {
  it('reads the unknown word after a role noun (快递员, 选手) as a name', () => {
    const s = '本地选手沈佳怡以1小时16分09秒夺得女子组冠军。';
    expect(text(directAnswer('女子组冠军是谁', s))).toBe('沈佳怡');
    expect(text(directAnswer('那个快递员叫什么', '在钟秀街道，快递员陈立伟是居民们眼中的“熟面孔”。'))).toBe('陈立伟');
  });

  it('reads no name after a word that is no role', () => {
    expect(directAnswer('女子组冠军是谁', '本地沈佳怡以1小时16分09秒夺得女子组冠军。')).toBeUndefined();
  });
});

describe('the level a title is held at', () => {
  it('refuses a name holding the title at another level (街道党工委书记 for 社区书记)', () => {
    expect(otherOwner('街道党工委书记 ', '书记', '红星新村的社区书记是谁')).toBe(true);
    expect(directAnswer('红星新村的社区书记是谁', '街道党工委书记高远介绍，红星新村今年加装电梯6部。')).toBeUndefined();
  });

  it('keeps a name holding it at the level asked, or when the question names no level', () => {
    expect(otherOwner('社区书记 ', '书记', '红星新村的社区书记是谁')).toBe(false);
    expect(otherOwner('街道党工委书记 ', '书记', '任港街道书记是谁')).toBe(false);
    expect(text(directAnswer('红星新村的社区书记是谁', '红星新村社区书记蔡文静介绍，今年加装电梯6部。'))).toBe(
      '蔡文静',
    );
  });
});

describe('the next occasion asked (下一次哪天)', () => {
  it('refuses the date of the occasion reported', () => {
    expect(pastForNext('唐闸非遗市集下一次哪天办', '4月12日，唐闸古镇春季非遗市集在广场开市')).toBe(true);
    expect(directAnswer('唐闸非遗市集下一次哪天办', '4月12日，唐闸古镇春季非遗市集在广场开市。')).toBeUndefined();
  });

  it('answers with a date the text gives as coming', () => {
    expect(pastForNext('唐闸非遗市集下一次哪天办', '下一次市集将于10月1日在唐闸古镇举办')).toBe(false);
    expect(text(directAnswer('唐闸非遗市集下一次哪天办', '下一次非遗市集将于10月1日在唐闸古镇举办。'))).toBe('10月1日');
  });
});

describe('a question for the whole is answered by the whole, not a phase', () => {
  const s = '该项目总投资2.4亿元，其中一期投资8000万元，将建设物流仓库和分拣中心。';
  it('answers 总投资 with the figure marked 总, even when only the phase names the thing built', () => {
    expect(text(directAnswer('物流仓库项目总投资多少', s))).toBe('2.4亿元');
    expect(phaseForWhole('物流仓库项目总投资多少', s, s.indexOf('8000'))).toBe(true);
  });
  it('refuses the whole when the question asks for the phase, and never judges a lone figure', () => {
    expect(phaseForWhole('项目一期投资多少', s, s.indexOf('8000'))).toBe(false);
    expect(wholeForPhase('项目一期投资多少', s, s.indexOf('2.4'))).toBe(true);
    expect(wholeForPhase('项目二期投资多少', s, s.indexOf('2.4'))).toBe(false);
    expect(text(directAnswer('项目一期投资多少', s))).toBe('8000万元');
    const lone = '首期投资8000万元，将建设物流仓库。';
    expect(phaseForWhole('项目总投资多少', lone, lone.indexOf('8000'))).toBe(false);
  });
});

describe('a correction notice replaces the figure it calls wrong', () => {
  const s = '本报3月5日《城东新建口袋公园》一文中，“全年建成口袋公园24个”有误，应为“42个”。';
  it('answers with the corrected figure', () => {
    expect(text(directAnswer('今年建成了多少个口袋公园', s))).toBe('42个');
  });
  it('refuses the figure called wrong, and a figure merely quoted', () => {
    expect(correctedFigure(s, s.indexOf('24个') + 3)).toBe(true);
    expect(correctedFigure(s, s.indexOf('42个') + 3)).toBe(false);
    const quoted = '他说：“全年建成口袋公园24个”，居民很满意。';
    expect(correctedFigure(quoted, quoted.indexOf('24个') + 3)).toBe(false);
  });
});

describe('which bus to take is answered by the route number', () => {
  const s = '不开车的市民可乘坐公交33路在文化宫站下车，步行约5分钟即到，停车场共有200个车位。';
  it('answers 坐几路公交 with the route, not another figure of the sentence', () => {
    expect(askedFor('去文化宫坐几路公交')?.units).toEqual(['路']);
    expect(text(directAnswer('去文化宫坐几路公交', s))).toBe('33路');
  });
  it('refuses a sentence naming no route, and reads 有几路公交经过 as a count', () => {
    expect(directAnswer('去文化宫坐几路公交', '文化宫停车场共有200个车位，步行约5分钟即到。')).toBeUndefined();
    expect(directAnswer('去文化宫坐几路公交', '沿线3路段完成改造，文化宫站启用。')).toBeUndefined();
    expect(askedFor('小区门口有几路公交经过')?.units).not.toEqual(['路']);
  });
});

describe('a rate is not the cap a question asks for', () => {
  const s = '居民扫码即可充电，1元钱能充4小时。';
  it('refuses the price of a rate for 最多能充多少钱', () => {
    expect(directAnswer('一张卡最多能充多少钱', s)).toBeUndefined();
    expect(rateForCap('一张卡最多能充多少钱', s, s.indexOf('1元') + 2)).toBe(true);
  });
  it('answers with a cap, and keeps the rate for a plain price question', () => {
    expect(text(directAnswer('预付卡最多能充多少钱', '商户发售预付卡，单张预付卡面额不得超过5000元。'))).toBe('5000元');
    // (A figure over which something goes keeps its 超过.)
    expect(text(directAnswer('预付卡最多能充多少钱', '商户发售预付卡，单张预付卡面额超过5000元。'))).toBe('超过5000元');
    expect(rateForCap('充电多少钱', s, s.indexOf('1元') + 2)).toBe(false);
  });
});

describe('a part the question qualifies in its own words', () => {
  const sentence = '改造后的菜场共有摊位120个，其中生鲜摊位78个，熟食、干货等摊位42个。';

  it('gives the whole only as a guess, never shown, when the question qualifies the noun counted otherwise', () => {
    const bound = boundAnswer('菜场卖菜卖肉的摊位有几个', sentence);
    expect(bound?.answer.text).toBe('120个');
    expect(bound?.evidence.guess).toBe(true);
    expect(bound && showsShortAnswer(bound, 1)).toBe(false);
  });

  it('answers with the part whose qualifier the question says, and the whole when it qualifies nothing', () => {
    expect(directAnswer('菜场卖生鲜的摊位有几个', sentence)?.text).toBe('78个');
    const whole = boundAnswer('改造后菜场一共有几个摊位', sentence);
    expect(whole?.answer.text).toBe('120个');
    expect(whole?.evidence.guess).toBeUndefined();
  });

  it('answers with the whole when the whole says the qualifier', () => {
    const qualified = '改造后的菜场共有卖菜卖肉摊位120个，其中生鲜摊位78个。';
    const bound = boundAnswer('菜场卖菜卖肉的摊位有几个', qualified);
    expect(bound?.answer.text).toBe('120个');
    expect(bound?.evidence.guess).toBeUndefined();
  });
});

describe('where to do something, not where the event is held', () => {
  const sentence = '第六届龙舟邀请赛将于6月19日在南濠河举行。';

  it('gives where the event is held only as a guess when the question asks where to watch it', () => {
    const bound = boundAnswer('看龙舟赛在哪里看最好', sentence);
    expect(bound?.evidence.guess).toBe(true);
    expect(asksWhereToDo('看龙舟赛在哪里看最好')).toBe(true);
    expect(asksWhereToDo('在哪儿报名')).toBe(true);
  });

  it('answers where the event is held', () => {
    const bound = boundAnswer('龙舟邀请赛在哪里举行', sentence);
    expect(bound?.answer.text).toBe('南濠河');
    expect(bound?.evidence.guess).toBeUndefined();
    expect(asksWhereToDo('运动会在哪里落下帷幕')).toBe(false);
    expect(asksWhereToDo('龙舟赛在哪里')).toBe(false);
  });
});
