import { parseQuery } from './src/retrieval/query.ts';
for (const q of ['崇川上半年地区生产总值是多少','省运会上崇川籍运动员有多少人次摘金','國家安全教育日是第幾個','2022年3月7日胡拥军去了哪里调研','今天股市行情怎么样','中南世纪城小区修路谁出的钱','南通大学录取分数线']) console.log(q, JSON.stringify(parseQuery(q)));
