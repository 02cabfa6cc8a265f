"""What every seed step shares: fictional names and phones, drawn from seeded generators (so seeds repeat)."""

SURNAMES = (
    "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎"
    "余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段雷钱汤尹黎易常武乔贺赖龚文"
)
GIVEN = "秀英华玉兰桂芳建国明亮志强伟丽娟敏静磊洋艳勇军杰涛超平刚霞红燕梅海云波辉鹏飞春晓东宁琴萍娜鑫斌浩宇"


def fictional_name(rng):
    return rng.choice(SURNAMES) + "".join(rng.choice(GIVEN) for _ in range(rng.choice((1, 2))))


class NameBook:
    """Unique, plausible, fictional Chinese names drawn from a seeded generator."""

    def __init__(self, rng):
        self.rng = rng
        self.issued = set()

    def next(self):
        while True:
            name = fictional_name(self.rng)
            if name not in self.issued:
                self.issued.add(name)
                return name


def fictional_phone(rng):
    return rng.choice(("139", "138", "137", "158", "187", "188", "150", "151")) + "".join(
        str(rng.randrange(10)) for _ in range(8)
    )
