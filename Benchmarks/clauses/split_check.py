#!/usr/bin/env python3
"""Whether clause misses are splitting misses: per category, the in-sample contracts with no matching example, how
many had examples at all, and how many would match if all their examples of the category were one answer.

    python3 Benchmarks/clauses/split_check.py OUTPUT/on     # a clauses_bench.py output folder
"""
import json,sys,csv,re,ast,os
from collections import defaultdict
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import clauses_bench as cb
out=sys.argv[1]
tr=[json.loads(l) for l in open(out+'/train.jsonl')]
pv=[json.loads(l) for l in open(out+'/provenance.jsonl')]
rows={}
for r in csv.DictReader(open(cb.CUAD/'master_clauses.csv',encoding='utf-8')): rows[cb.key(r['Filename'])]=r
cats=[c for c in next(iter(rows.values())) if c!='Filename' and 'Answer' not in c]
ex=defaultdict(list)
for t,p in zip(tr,pv):
    c=p.get('clause') or cb.FACT_CATEGORY.get(p.get('fact'))
    if not c: continue
    ex[(os.path.basename(p['source']),c)].append(t['messages'][-1]['content'])
pdfs=sorted(os.listdir(cb.CUAD/'pdf')); held={n for i,n in enumerate(pdfs) if i%5==4}
tot=defaultdict(lambda:[0,0,0])
for n in pdfs:
    if n in held: continue
    r=rows.get(cb.key(n))
    for c in cats:
        cid=cb.category_id(c); spans=cb.spans_of(r[c])
        if not spans: continue
        got=ex.get((n,cid),[])
        hit=any(cb.matches(set(cb.words(a)),s) for a in got for s in spans)
        joint=any(cb.matches(set(cb.words(' '.join(got))),s) for s in spans)
        if not hit:
            tot[cid][0]+=1
            if got: tot[cid][1]+=1
            if joint and got: tot[cid][2]+=1
for k,v in sorted(tot.items(), key=lambda x:-x[1][0]): print(k, 'misses',v[0],'with-examples',v[1],'joined-would-hit',v[2])
