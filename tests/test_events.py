"""Events on real sentences of the corpus: names with a stated subject, ordinals, terms,
anniversaries and elections, cut before clauses of place, time and participants."""

from __future__ import annotations

import pytest

from kg.extract import extract
from kg.ingest import build_article
from kg.records import EVENT
from kg.resolve import resolve


def events(text: str) -> set[str]:
    """Labels of the resolved events of one article text."""
    resolved = resolve(extract([build_article("Tiêu đề\n" + text, "t.txt")]))
    return {
        resolved.entities[rm.entity_key].label
        for rm in resolved.articles[0].mentions
        if resolved.entities[rm.entity_key].kind == EVENT
    }


@pytest.mark.parametrize(
    ("text", "label"),
    [
        # a gathering with a stated subject, introduced lower-case after "tổ chức", cut before "(dates)"
        (
            "Ngày 28/4, Thành ủy TPHCM đã tổ chức buổi họp mặt kỷ niệm 46 năm Ngày Giải phóng miền Nam, "
            "thống nhất đất nước (30/4/1975 - 30/4/2021).",
            "Buổi họp mặt kỷ niệm 46 năm Ngày Giải phóng miền Nam, thống nhất đất nước",
        ),
        # a press conference, cut before "ở …" and "do … tổ chức tại …"
        (
            "Cuộc họp báo công bố danh sách chính thức 868 người ứng cử đại biểu Quốc hội khóa XV ở 184 đơn vị "
            "bầu cử trong cả nước do Hội đồng bầu cử quốc gia tổ chức tại Nhà Quốc hội.",
            "Cuộc họp báo công bố danh sách chính thức 868 người ứng cử đại biểu Quốc hội khóa XV",
        ),
        # a meeting named by the body that meets, cut before "vừa diễn ra ở …"
        (
            "Tại cuộc họp Hội đồng thẩm định vừa diễn ra ở Bộ Tư pháp, ông Nguyễn Thành Phong khẳng định.",
            "Cuộc họp Hội đồng thẩm định",
        ),
        # a ceremony: "lễ" + verb, cut before "trên địa bàn"
        (
            "Ngày 25/4, tại Khu đô thị mới Thủ Thiêm, TP Thủ Đức (TPHCM) tổ chức lễ đặt tên cho 20 tuyến đường "
            "trên địa bàn.",
            "Lễ đặt tên cho 20 tuyến đường",
        ),
        # a ceremony cut before the place clause after a comma
        (
            "Bộ trưởng Quốc phòng Phan Văn Giang gặp gỡ nhân dân địa phương tại lễ khánh thành Nhà văn hóa xã "
            "Đồng Văn, huyện Bình Liêu.",
            "Lễ khánh thành Nhà văn hóa xã Đồng Văn",
        ),
        # two ceremonies joined by "và": the first ends before the second head
        (
            "Thường trực Tỉnh ủy quyết định tạm dừng tổ chức lễ công bố nghị quyết của Ủy ban Thường vụ Quốc hội về "
            "việc thành lập thị xã Nghi Sơn và lễ khai mạc lễ hội du lịch biển Hải Hòa, thị xã Nghi Sơn.",
            "Lễ công bố nghị quyết của Ủy ban Thường vụ Quốc hội về việc thành lập thị xã Nghi Sơn",
        ),
        # names that run to an ordinal
        (
            "Hai bên chúc mừng thành công của Giao lưu hữu nghị quốc phòng biên giới Việt Nam - Trung Quốc lần thứ 6 "
            "và Đối thoại chiến lược Quốc phòng cấp Thứ trưởng lần thứ 7 giữa Bộ Quốc phòng hai nước.",
            "Giao lưu hữu nghị quốc phòng biên giới Việt Nam - Trung Quốc lần thứ 6",
        ),
        (
            "Hai bên chúc mừng thành công của Giao lưu hữu nghị quốc phòng biên giới Việt Nam - Trung Quốc lần thứ 6 "
            "và Đối thoại chiến lược Quốc phòng cấp Thứ trưởng lần thứ 7 giữa Bộ Quốc phòng hai nước.",
            "Đối thoại chiến lược Quốc phòng cấp Thứ trưởng lần thứ 7",
        ),
        (
            "Phát biểu tại Đại hội Thi đua yêu nước ngành tư pháp lần thứ V sáng 1/11, Chủ tịch Quốc hội nhấn mạnh.",
            "Đại hội Thi đua yêu nước ngành tư pháp lần thứ V",
        ),
        (
            "Ông Eric Xu phát biểu tại Hội nghị thượng đỉnh các nhà phân tích toàn cầu lần thứ 18 "
            "(18th Global Analyst Summit).",
            "Hội nghị thượng đỉnh các nhà phân tích toàn cầu lần thứ 18",
        ),
        # a capitalised name after qualifiers, or within three words of a capitalised head
        (
            "Tại cuộc họp báo thường kỳ Bộ Tài nguyên và Môi trường, ông Lại Hồng Thanh cho biết.",
            "Cuộc họp báo thường kỳ Bộ Tài nguyên và Môi trường",
        ),
        (
            "Thủ tướng Chính phủ Phạm Minh Chính cùng các Lãnh đạo ASEAN dự Hội nghị các nhà Lãnh đạo ASEAN, "
            "chiều 24/4.",
            "Hội nghị các nhà Lãnh đạo ASEAN",
        ),
        # a session named by its assembly and term
        (
            "Tổng Bí thư chúc mừng Trung Quốc vừa tổ chức thành công Kỳ họp thứ tư Lưỡng hội khóa 13, thông qua "
            "Quy hoạch 5 năm thứ 14.",
            "Kỳ họp thứ tư Lưỡng hội khóa 13",
        ),
        # anniversaries being marked, cut before "và …"
        (
            "Hai nước tăng cường hợp tác trong bối cảnh Trung Quốc kỷ niệm 100 năm ngày thành lập Đảng Cộng sản "
            "Trung Quốc và Việt Nam bước vào việc thực hiện Nghị quyết Đại hội XIII.",
            "Kỷ niệm 100 năm ngày thành lập Đảng Cộng sản Trung Quốc",
        ),
        (
            "Lễ hội Hoa phượng đỏ được tổ chức chào mừng kỷ niệm 66 năm Ngày giải phóng Hải Phòng.",
            "Kỷ niệm 66 năm Ngày giải phóng Hải Phòng",
        ),
        # festivals: a title in quotes after lower-case words, and an opening named by place and year
        (
            "Thành ủy chỉ đạo không tổ chức 3 lễ hội lớn gồm: Lễ hội Hoa phượng đỏ 2021; Liên hoan du lịch "
            '"Đồ Sơn - Sắc màu của biển 2021" và Khai mạc du lịch Cát Bà 2021.',
            "Liên hoan du lịch “Đồ Sơn - Sắc màu của biển 2021”",
        ),
        (
            "Thành ủy chỉ đạo không tổ chức 3 lễ hội lớn gồm: Lễ hội Hoa phượng đỏ 2021; Liên hoan du lịch "
            '"Đồ Sơn - Sắc màu của biển 2021" và Khai mạc du lịch Cát Bà 2021.',
            "Khai mạc du lịch Cát Bà 2021",
        ),
        # elections: "bầu Quốc hội, HĐND các cấp", councils of two levels, a term given before the clause
        (
            "Theo quy định, đến tháng 5/2021 sẽ tổ chức bầu Quốc hội, HĐND các cấp.",
            "Bầu cử Quốc hội, Hội đồng nhân dân các cấp",
        ),
        (
            "Thường vụ Thị ủy Điện Bàn đã chỉ đạo đưa ông Trần Minh Hoàng ra khỏi danh sách bầu cử đại biểu HĐND "
            "thị xã và đại biểu HĐND phường.",
            "Bầu cử đại biểu Hội đồng nhân dân thị xã và đại biểu Hội đồng nhân dân phường",
        ),
        (
            "Khóa XIV, Bộ trưởng Bộ Lao động - Thương binh và Xã hội Đào Ngọc Dung ứng cử đại biểu Quốc hội "
            "tại Thanh Hóa.",
            "Bầu cử đại biểu Quốc hội khóa XIV",
        ),
        # occasions named without a usual head:
        # a session numbered without "thứ", and one named by the body that is the subject after the time
        (
            "Tổng thư ký Quốc hội là nhân sự vừa được bầu mới tại kỳ họp 11 của Quốc hội khóa XIV.",
            "Kỳ họp thứ 11 của Quốc hội khóa XIV",
        ),
        (
            "Tiếp tục phiên họp thứ 55, chiều 27/4, UB Thường vụ Quốc hội đã cho ý kiến bước đầu.",
            "Phiên họp thứ 55 của Ủy ban Thường vụ Quốc hội",
        ),
        # a lower-case head with a quoted title needs no opener
        (
            'Được phát động từ tháng 5/2020, kết thúc vào tháng 02/2021, cuộc thi "Những tấm gương tâm huyết, '
            'sáng tạo học và làm theo lời Bác" đã nhận được hơn 8000 bài.',
            "Cuộc thi “Những tấm gương tâm huyết, sáng tạo học và làm theo lời Bác”",
        ),
        # a welcome ceremony
        (
            "Đại tướng Phan Văn Giang đã chủ trì Lễ đón chính thức Đoàn đại biểu Bộ Quốc phòng Trung Quốc do "
            "Thượng tướng Ngụy Phượng Hòa làm Trưởng đoàn.",
            "Lễ đón chính thức Đoàn đại biểu Bộ Quốc phòng Trung Quốc",
        ),
        # a ceremony opening a named festival; a second one joined by "và" to the first
        (
            "Lễ khai mạc lễ hội du lịch biển Hải Tiến, huyện Hoằng Hóa, dự kiến tổ chức vào 20h ngày 1/5 cũng "
            "tạm dừng.",
            "Lễ khai mạc lễ hội du lịch biển Hải Tiến",
        ),
        (
            "Thanh Hóa tạm dừng tổ chức lễ công bố nghị quyết của Ủy ban Thường vụ Quốc hội về việc thành lập thị "
            "xã Nghi Sơn và lễ khai mạc lễ hội du lịch biển Hải Hòa, thị xã Nghi Sơn, dự kiến tổ chức vào 20h.",
            "Lễ khai mạc lễ hội du lịch biển Hải Hòa",
        ),
        # an anniversary of a fact told with its subject, and of diplomatic relations
        (
            "Tỉnh tạm dừng các lễ hội, ngoại trừ sự kiện kỷ niệm 60 năm Bác Hồ ra thăm đảo Cô Tô và được tổ "
            "chức trong phạm vi vừa phải.",
            "Kỷ niệm 60 năm Bác Hồ ra thăm đảo Cô Tô",
        ),
        (
            "Năm nay là dịp kỷ niệm 25 năm thiết lập quan hệ ngoại giao Việt - Mỹ.",
            "Kỷ niệm 25 năm thiết lập quan hệ ngoại giao Việt - Mỹ",
        ),
        # the opening of the tourist season, with its year; an occasion named by a quoted title
        (
            'Theo đó, Lễ hội "Thống nhất non sông" và Khai trương mùa du lịch biển, đảo năm 2021 tỉnh Quảng Trị '
            "theo dự kiến sẽ diễn ra từ ngày 30/4.",
            "Khai trương mùa du lịch biển, đảo năm 2021",
        ),
        (
            'Các hoạt động gồm Giải Việt dã tỉnh Quảng Trị hưởng ứng "Tuần lễ du lịch biển, đảo 2021", Giải '
            "Bóng chuyền bãi biển.",
            "Tuần lễ du lịch biển, đảo 2021",
        ),
        # titled heads, festivals and general meetings:
        # a head written with a capital inside a sentence is a title, whatever its subject
        (
            "Bộ Nông nghiệp tổ chức Hội nghị phòng chống thiên tai khu vực miền núi phía Bắc năm 2021, dự kiến "
            "vào tháng 5.",
            "Hội nghị phòng chống thiên tai khu vực miền núi phía Bắc năm 2021",
        ),
        (
            "Phát biểu tại Hội nghị thượng đỉnh về Khí hậu, được tổ chức theo hình thức trực tuyến, ông Biden nói.",
            "Hội nghị thượng đỉnh về Khí hậu",
        ),
        # a festival named by its kind and a proper name
        ("Năm nay, Liên hoan phim quốc tế Cannes sẽ diễn ra vào tháng 7.", "Liên hoan phim quốc tế Cannes"),
        (
            "Lễ hội Đêm trắng Ban Mê chính thức được tạm dừng để phòng dịch.",
            "Lễ hội Đêm trắng Ban Mê",
        ),
        # a company's general meeting of shareholders of a year
        (
            "Tại đại hội đồng cổ đông (ĐHĐCĐ) thường niên năm 2021, ngân hàng đặt mục tiêu lợi nhuận.",
            "Đại hội đồng cổ đông thường niên năm 2021",
        ),
        (
            "ĐHĐCĐ thường niên năm 2020 lần 3 sáng 26/4 của Eximbank tiếp tục bất thành.",
            "Đại hội đồng cổ đông thường niên năm 2020 lần thứ 3",
        ),
        # foreign elections and festivals of a year:
        # a foreign election by its office and country; by its country and year
        ("Bầu cử tổng thống ở Mỹ đang bước vào giai đoạn nước rút.", "Bầu cử tổng thống Mỹ"),
        ("Các cuộc thăm dò trước bầu cử Mỹ 2020 ở bang chiến trường Michigan.", "Bầu cử Mỹ 2020"),
        # a festival named by its kind, its subject and its year
        (
            "Thí sinh tham gia Ngày hội tư vấn tuyển sinh hướng nghiệp 2021, PGS Nguyễn Văn A cho biết.",
            "Ngày hội tư vấn tuyển sinh hướng nghiệp 2021",
        ),
        # re-election:
        # a candidate for re-election names the election
        (
            "Ông Trường vẫn được giới thiệu tái cử đại biểu HĐND phường nhiệm kỳ 2021-2026.",
            "Bầu cử đại biểu Hội đồng nhân dân phường nhiệm kỳ 2021-2026",
        ),
        # sessions held by a body and government meetings:
        # a session held by the body named before it, with its term
        (
            "Sáng 22/3, Hội đồng nhân dân tỉnh Hà Nam khóa XVIII tổ chức kỳ họp thứ 17 (kỳ họp chuyên đề).",
            "Kỳ họp thứ 17 của Hội đồng nhân dân tỉnh Hà Nam khóa XVIII",
        ),
        # the Government's monthly meeting
        (
            "Chiều 27/4, tại Hà Nội, Thủ tướng Chính phủ chủ trì phiên họp Chính phủ thường kỳ tháng 4/2021.",
            "Phiên họp Chính phủ thường kỳ tháng 4/2021",
        ),
        # "khai mạc" ends the name
        (
            "Ngày 5/5, Hội nghị lần thứ 3 Ban Chấp hành Đảng bộ tỉnh Bắc Giang khóa XIX khai mạc.",
            "Hội nghị lần thứ 3 Ban Chấp hành Đảng bộ tỉnh Bắc Giang khóa XIX",
        ),
        # lower-case festivals before a proper name:
        # "lễ hội", "festival" in lower case before a proper name: the name and its year, no more
        (
            "Ninh Bình thông báo tạm hoãn tổ chức lễ hội Tràng An 2021 để chủ động phòng chống dịch.",
            "Lễ hội Tràng An 2021",
        ),
        (
            "Các sự kiện lớn sắp tới là kỳ thi tốt nghiệp và festival nghề truyền thống Huế.",
            "Festival nghề truyền thống Huế",
        ),
        ("Hàng nghìn người dự lễ hội Kumbh Mela trên sông Hằng ở thành phố Haridwar.", "Lễ hội Kumbh Mela"),
        # a meeting noun with the subject it is about (GUIDELINES: "cuộc họp", "buổi làm việc" count with a subject)
        (
            "Tuần qua, tại cuộc họp về công tác chuẩn bị Kỳ thi Tốt nghiệp THPT năm 2021, Phó Thủ tướng Vũ Đức Đam "
            "nhấn mạnh, kỳ thi tốt nghiệp THPT là việc rất quan trọng.",
            "Cuộc họp về công tác chuẩn bị Kỳ thi Tốt nghiệp THPT năm 2021",
        ),
        # the place clause between the meeting and its subject is left out
        (
            "Chiều 26/4, ông Nguyễn Thanh Long - Bộ trưởng Bộ Y tế làm trưởng đoàn có buổi làm việc tại TP Cần Thơ "
            "về công tác phòng chống dịch Covid-19.",
            "Buổi làm việc về công tác phòng chống dịch Covid-19",
        ),
        # a lower-case conference named by its field and the national scope
        (
            "Chia sẻ với ngành giáo dục tại hội nghị giáo dục toàn quốc, Phó Thủ tướng Vũ Đức Đam đã nhìn nhận.",
            "Hội nghị giáo dục toàn quốc",
        ),
        # the participants between the meeting and its subject are left out too
        (
            "Chiều 26/4, Bộ trưởng có buổi làm việc với UBND tỉnh Bạc Liêu về công tác phòng, chống dịch Covid-19.",
            "Buổi làm việc về công tác phòng, chống dịch Covid-19",
        ),
        # a quoted title after a colon
        (
            'GS Minh phát biểu tại Hội nghị: "Triển khai Nghị định số 116/2020/NĐ - CP về đào tạo giáo viên theo '
            'nhu cầu địa phương" do Bộ GD-ĐT tổ chức sáng nay 29/4 tại Hà Nội.',
            "Hội nghị “Triển khai Nghị định số 116/2020/NĐ - CP về đào tạo giáo viên theo nhu cầu địa phương”",
        ),
        # a session named by its own proper name
        (
            "Bộ trưởng Phan Văn Giang chúc mừng Trung Quốc đã tổ chức thành công kỳ họp Lưỡng hội, công bố hoàn "
            "thành mục tiêu 100 năm lần thứ nhất.",
            "Kỳ họp Lưỡng hội",
        ),
    ],
)
def test_event_names(text, label):
    assert label in events(text)


def test_congress_of_a_body_takes_the_place_named_before_it():
    """ "Hội Khuyến học tỉnh" inside the congress name is the Sóc Trăng body named as organiser,
    not the article's own province."""
    found = events(
        "Chủ tịch Hội Khuyến học Việt Nam dự Đại hội Hội Khuyến học tỉnh Bạc Liêu nhiệm kỳ 2020 - 2025.\n"
        "Ngày 27/4, Hội Khuyến học tỉnh Sóc Trăng đã tổ chức Đại hội đại biểu Hội Khuyến học tỉnh lần thứ 4, "
        "nhiệm kỳ 2020 - 2025."
    )
    assert "Đại hội đại biểu Hội Khuyến học tỉnh Sóc Trăng lần thứ 4, nhiệm kỳ 2020 - 2025" in found
    assert not any("Bạc Liêu lần thứ 4" in e for e in found)


@pytest.mark.parametrize(
    "text",
    [
        # a count of plenums of a committee: no one named event
        "Ngay sau Đại hội, Ban Chấp hành Đảng bộ Thành phố đã tổ chức 3 Hội nghị Thành ủy để kiện toàn nhân sự.",
        # a meeting with no subject, and "buổi làm việc"
        "Kết luận cuộc họp, Thứ trưởng Bộ Tư pháp nhấn mạnh việc trình Quốc hội là có cơ sở.",
        "Tọa đàm trực tuyến bắt đầu lúc 9h sáng nay.",
        # an anniversary aimed at, not marked; a personal one
        "Đại hội đề ra mục tiêu đến dịp kỷ niệm 100 năm thành lập Đảng và 100 năm thành lập nước.",
        "Cặp đôi vừa tổ chức lễ kỷ niệm 3 năm ngày cưới của mình.",
        # a resolution named after a congress is no congress
        "Các cấp ủy tích cực triển khai Nghị quyết Đại hội Đảng toàn quốc lần thứ XIII.",
        # a venue named after its gatherings
        "Hội nghị diễn ra tại Trung tâm Hội nghị quốc gia Mỹ Đình (Hà Nội).",
        # a ceremony whose verb is followed by a clause, not a subject
        "Tại Lễ khai mạc, đại diện Ban Cán sự Đoàn phát biểu.",
        # not occasions:
        # a quoted sentence that opens with "Đại hội" is a quotation, not a name
        "Đồng chí nói: “Đại hội chỉ là mở đầu… đấy mới là thành công thực tế của Đại hội”.",
        # a firm's birthday; a tourist season with no year
        "Nhân dịp kỷ niệm 3 năm có mặt tại Việt Nam, hãng giảm giá nhiều sản phẩm.",
        "Tỉnh dừng bắn pháo hoa nhân sự kiện khai trương mùa du lịch biển, đảo.",
        # a session with no body named
        "Tại kỳ họp 11, nhiều đại biểu phát biểu.",
        # not titled events:
        # a sentence that opens with the head goes on with its predicate
        "Hội thảo còn tạo ra một diễn đàn mở để các doanh nghiệp trao đổi.",
        # a clause between a festival's kind and the capital
        "Ngày hội do Khoa Quốc tế - Đại học Quốc gia Hà Nội vừa tổ chức.",
        "Lễ khai mạc có ông Đinh Tiến Dũng tham dự.",
        # a general meeting with no year
        "ĐHĐCĐ thường niên Sacombank tổ chức ngày 23/4 tại TP HCM.",
    ],
)
def test_not_events(text):
    assert events(text) == set()


def test_a_second_mention_after_tai_is_the_event_introduced_before():
    found = events(
        "Cuộc họp báo công bố danh sách chính thức 868 người ứng cử đại biểu Quốc hội khóa XV do Hội đồng bầu cử "
        "quốc gia tổ chức.\nCác thành viên Hội đồng bầu cử quốc gia tại cuộc họp báo công bố danh sách 868 người "
        "ứng cử đại biểu Quốc hội sau 3 vòng hiệp thương."
    )
    assert {e for e in found if e.startswith("Cuộc họp báo")} == {
        "Cuộc họp báo công bố danh sách chính thức 868 người ứng cử đại biểu Quốc hội khóa XV"
    }


def test_event_mentions_keep_exact_offsets():
    text = "Tiêu đề\nNgày 25/4, TP Thủ Đức tổ chức lễ đặt tên cho 20 tuyến đường trên địa bàn."
    (ex,) = extract([build_article(text, "t.txt")])
    evs = [m for m in ex.mentions if m.kind == EVENT]
    assert evs and all(ex.article.text[m.start : m.end] == m.text for m in evs)
    assert evs[0].text == "lễ đặt tên cho 20 tuyến đường"


def test_a_session_named_by_its_term():
    from kg.extract import extract
    from kg.ingest import build_article

    article = build_article("Tiêu đề\nTại kỳ họp thứ 10 khóa XIV, Quốc hội đã xem xét kết quả.", "t.txt")
    [ex] = list(extract([article]))
    assert [m.label for m in ex.mentions if m.kind == "Event"] == ["Kỳ họp thứ 10 khóa XIV"]


def test_elections_in_general_are_no_event():
    assert events("Kết quả bầu cử Mỹ rất nhạy cảm với thị trường.") == set()


def test_a_plenum_of_a_local_committee_takes_the_place_the_article_leaves_out():
    found = events("Ngày 28/4, Tỉnh ủy Bắc Giang tổ chức Hội nghị Ban Chấp hành Đảng bộ tỉnh lần thứ 5, khóa XIX.")
    assert found == {"Hội nghị Ban Chấp hành Đảng bộ tỉnh Bắc Giang lần thứ 5, khóa XIX"}


def test_a_reporter_is_not_part_of_a_press_conference():
    assert not any("PV" in e for e in events("Tại cuộc họp báo PV Dân trí nêu câu hỏi liên quan đến Sở GD&ĐT."))


def test_a_session_of_a_general_meeting_is_that_meeting():
    assert events("Phiên họp ĐHĐCĐ thường niên của Công ty Coteccons diễn ra tại TP HCM.") == set()


def test_a_class_of_festivals_is_no_event():
    assert events("Tỉnh dừng các lễ hội Tết Nguyên đán để phòng dịch.") == set()


@pytest.mark.parametrize(
    ("text", "label"),
    [
        # a foreign party's congress is not the Vietnamese Party's
        ("Đại hội VIII Đảng Cộng sản Cuba đã bế mạc tại La Habana.", "Đại hội Đảng Cộng sản Cuba lần thứ VIII"),
        (
            "Tại Đại hội lần thứ 8 của Đảng Cộng sản Cuba, ông Raul Castro tuyên bố nghỉ hưu.",
            "Đại hội Đảng Cộng sản Cuba lần thứ 8",
        ),
        # an abbreviation in brackets before the ordinal
        (
            "Bộ trưởng Ngoại giao dự Hội nghị Bộ trưởng Ngoại giao ASEAN (AMM) lần thứ 54.",
            "Hội nghị Bộ trưởng Ngoại giao ASEAN lần thứ 54",
        ),
    ],
)
def test_foreign_congresses_and_abbreviated_names(text, label):
    found = events(text)
    assert label in found
    assert not any(e.endswith("của Đảng") for e in found)


def test_the_documents_of_a_congress_are_not_the_congress():
    found = events("Hội thảo nhằm nâng cao nhận thức các nội dung mới trong Văn kiện Đại hội XII của Đảng.")
    assert not any(e.startswith("Đại hội") for e in found)


@pytest.mark.parametrize(
    ("text", "label"),
    [
        # the place left out, then written: one meeting, named with its place
        (
            "Ngày 30/4, UBND tỉnh tổ chức hội nghị Ban Chỉ đạo phòng, chống dịch Covid-19 của tỉnh để rà soát các "
            "công việc.\nHội nghị Ban chỉ đạo phòng chống dịch Covid-19 tỉnh Ninh Bình họp ngày 30/4.",
            "Hội nghị Ban chỉ đạo phòng chống dịch Covid-19 tỉnh Ninh Bình",
        ),
        # two words glued by a slip: the spaced form
        (
            "Sáng 5/3, tỉnh tổ chức Lễ công bố Trung tâm Phục vụ hành chính côngvà Tổng đài dịch vụ công tỉnh Hậu "
            "Giang.\nPhát biểu tại Lễ công bố Trung tâm Phục vụ hành chính công và Tổng đài dịch vụ công tỉnh Hậu "
            "Giang, ông Đồng Văn Thanh nói.",
            "Lễ công bố Trung tâm Phục vụ hành chính công và Tổng đài dịch vụ công tỉnh Hậu Giang",
        ),
        # a word left out inside a long title: the form given first
        (
            "Trường tổ chức cuộc thi “Những tấm gương tâm huyết, sáng tạo học và làm theo lời Bác”.\nCuộc thi "
            "“Những tấm gương tâm huyết, sáng tạo học tập và làm theo lời Bác” thu hút 300 bài.",
            "Cuộc thi “Những tấm gương tâm huyết, sáng tạo học và làm theo lời Bác”",
        ),
    ],
)
def test_one_event_written_twice_with_a_slip_is_one_event(text, label):
    assert events(text) == {label}


@pytest.mark.parametrize(
    ("text", "label"),
    [
        # two elections held together, the second with its own "bầu cử": one event
        (
            "Hai dự án gắn với nhiệm vụ bảo đảm an toàn bầu cử đại biểu Quốc hội khóa XV và bầu cử Hội đồng nhân "
            "dân các cấp nhiệm kỳ 2021-2026.",
            "Bầu cử đại biểu Quốc hội khóa XV và bầu cử Hội đồng nhân dân các cấp nhiệm kỳ 2021-2026",
        ),
        # a council named by its level alone: the place of that level the sentence named before
        (
            "Ông Nguyễn Văn Trường, Chủ tịch UBND phường Bắc Sơn vẫn được giới thiệu tái cử đại biểu HĐND phường "
            "nhiệm kỳ 2021-2026, để bầu giữ chức Chủ tịch.",
            "Bầu cử đại biểu Hội đồng nhân dân phường Bắc Sơn nhiệm kỳ 2021-2026",
        ),
        # a name of qualifiers only takes its subject from the purpose that follows
        (
            "Chiều 29/4/2021, Bộ Công an tổ chức Hội nghị giao ban trực tuyến toàn quốc để kiểm điểm kết quả thực "
            "hiện dự án Cơ sở dữ liệu quốc gia về dân cư (CSDLQGDC).",
            "Hội nghị giao ban trực tuyến toàn quốc để kiểm điểm kết quả thực hiện dự án Cơ sở dữ liệu quốc gia về "
            "dân cư",
        ),
        # a joint committee's session is named by the committee and its ordinal
        (
            "Hai bên nhất trí tổ chức Ủy ban Hỗn hợp thương mại lần thứ 4, thúc đẩy hợp tác kinh tế.",
            "Ủy ban Hỗn hợp thương mại lần thứ 4",
        ),
        # a named dialogue; its participants after "giữa" are not part of the name
        (
            "Bộ trưởng sang Việt Nam dự Đối thoại chính sách cao cấp ASEM tại Hà Nội tháng 6/2021.",
            "Đối thoại chính sách cao cấp ASEM",
        ),
        (
            "Hai bên tổ chức thành công Đối thoại chiến lược Quốc phòng cấp Thứ trưởng lần thứ 7 giữa Bộ Quốc phòng "
            "hai nước.",
            "Đối thoại chiến lược Quốc phòng cấp Thứ trưởng lần thứ 7",
        ),
    ],
)
def test_elections_purposes_committees_and_dialogues(text, label):
    assert label in events(text)


@pytest.mark.parametrize(
    "text",
    [
        # who met, not what about
        "Hai bên đã tổ chức hội nghị trực tuyến giữa Bộ Y tế hai nước và sẽ tiếp tục hợp tác.",
        "Đây là Hội nghị trực tiếp lần đầu tiên giữa các nhà lãnh đạo ASEAN trong năm 2021.",
        # the head is a quoted word
        'Tổng thống Biden đã kêu gọi "đối thoại" với Nga, đồng thời nói rằng các lệnh trừng phạt là cần thiết.',
    ],
)
def test_gatherings_named_only_by_their_participants_are_no_events(text):
    assert events(text) == set()


@pytest.mark.parametrize(
    ("text", "label"),
    [
        # a central plenum named by its ordinal, in words, before the Central Committee
        (
            "Hội nghị lần thứ tư Ban Chấp hành Trung ương Đảng khóa XIII đã ban hành Kết luận số 21-KL/TW.",
            "Hội nghị Trung ương 4 khóa XIII",
        ),
        (
            "Hội nghị lần thứ mười lăm Ban Chấp hành Trung ương Đảng (khóa XII) bế mạc.",
            "Hội nghị Trung ương 15 khóa XII",
        ),
        ("Hội nghị Ban Chấp hành Trung ương Đảng lần thứ 8 khóa XIII thảo luận.", "Hội nghị Trung ương 8 khóa XIII"),
        # a committee's plenum named by its ordinal alone: the committee that held it
        (
            "Ngày 15/7, Ban Chấp hành Đảng bộ tỉnh Yên Bái tổ chức Hội nghị lần thứ 5 (khóa XX) để thảo luận.",
            "Hội nghị lần thứ 5 Ban Chấp hành Đảng bộ tỉnh Yên Bái khóa XX",
        ),
        (
            "Ngày 15/7, Ban Chấp hành Đảng bộ tỉnh Yên Bái khóa XIX tổ chức hội nghị lần thứ năm.",
            "Hội nghị lần thứ 5 Ban Chấp hành Đảng bộ tỉnh Yên Bái khóa XIX",
        ),
    ],
)
def test_plenums_named_by_their_ordinal(text, label):
    assert events(text) == {label}


def test_the_resolution_of_a_plenum_named_by_its_ordinal_is_no_event():
    text = (
        "Sáng 12/11, Tỉnh ủy tổ chức hội nghị trực tuyến quán triệt, triển khai thực hiện Nghị quyết Hội nghị lần "
        "thứ tư Ban Chấp hành Trung ương Đảng khóa XIII."
    )
    assert not any("Trung ương 4" in e or e.startswith("Hội nghị lần thứ") for e in events(text))


def test_a_session_inside_a_name_does_not_end_it():
    text = "Đại biểu Quốc hội tỉnh tổ chức Hội nghị tiếp xúc cử tri trước kỳ họp thứ 2, Quốc hội khóa XV."
    assert "Hội nghị tiếp xúc cử tri trước kỳ họp thứ 2" in events(text)


def test_a_dialogue_between_named_parties_keeps_them():
    text = "UBND tỉnh tổ chức Hội nghị đối thoại giữa Chủ tịch UBND tỉnh với doanh nghiệp năm 2021."
    assert {e for e in events(text) if e.startswith("Hội nghị đối thoại giữa Chủ tịch")}


@pytest.mark.parametrize(
    ("text", "label"),
    [
        # a regular press conference named by its period and its ministry
        (
            "Tại cuộc họp báo thường kỳ quý I/2021 của Bộ Công Thương, ông Nguyễn Sinh Nhật Tân cho biết.",
            "Cuộc họp báo thường kỳ quý I/2021 của Bộ Công Thương",
        ),
        (
            "Phát biểu tại buổi họp báo thường kỳ của Bộ Ngoại giao chiều 20/5, người phát ngôn cho biết.",
            "Buổi họp báo thường kỳ của Bộ Ngoại giao",
        ),
        # a session numbered "lần thứ" keeps it
        (
            "Ngày 15/6, Bộ trưởng Bộ Ngoại giao chủ trì Phiên họp lần thứ 14 Ủy ban Liên Chính phủ Việt Nam - Lào.",
            "Phiên họp lần thứ 14 Ủy ban Liên Chính phủ Việt Nam - Lào",
        ),
    ],
)
def test_regular_press_conferences_and_sessions_numbered_lan_thu(text, label):
    assert label in events(text)


@pytest.mark.parametrize(
    "text", ["Ông phát biểu tại cuộc họp của Bộ Chính trị.", "Tại hội nghị của Tỉnh ủy, ông nói về công tác cán bộ."]
)
def test_a_meeting_named_only_by_its_body_is_no_event(text):
    assert events(text) == set()


def test_an_awards_ceremony_named_by_one_foreign_name():
    assert events("Nhiều người thất vọng. Lễ trao giải Oscar trước đây chỉ diễn ra ở Nhà hát Dolby.") == {
        "Lễ trao giải Oscar"
    }


@pytest.mark.parametrize(
    ("text", "label"),
    [
        (
            "Sáng 2/6, Tỉnh đoàn tổ chức Đại hội đại biểu Đoàn TNCS Hồ Chí Minh tỉnh Lào Cai lần thứ XVI, nhiệm kỳ "
            "2022-2027.",
            "Đại hội đại biểu Đoàn Thanh niên Cộng sản Hồ Chí Minh tỉnh Lào Cai lần thứ XVI, nhiệm kỳ 2022-2027",
        ),
        (
            "Sáng 10/5, UBND tỉnh tổ chức Lễ khởi công dự án đường cao tốc Bắc - Nam đoạn qua tỉnh.",
            "Lễ khởi công dự án đường cao tốc Bắc - Nam đoạn qua tỉnh",
        ),
    ],
)
def test_a_congress_with_its_place_after_the_body_and_a_groundbreaking_named_late(text, label):
    assert events(text) == {label}


def test_nho_opens_a_clause_after_a_ceremonys_name():
    text = "Cô được đề cử tại Lễ trao giải Quả cầu vàng nhờ vai diễn Billi trong phim The farewell."
    assert events(text) == {"Lễ trao giải Quả cầu vàng"}


def test_an_occasion_named_by_its_year_may_hold_capitalised_words():
    text = "Ngày 19/8, xã tổ chức Ngày hội toàn dân bảo vệ an ninh Tổ quốc năm 2021."
    assert events(text) == {"Ngày hội toàn dân bảo vệ an ninh Tổ quốc năm 2021"}


def test_a_qualifier_left_out_of_a_repeated_name_is_the_same_event():
    text = (
        "Sáng 28/4, tỉnh tổ chức Hội thảo khoa học “Hướng Đông Nam trên địa bàn Đồng Nai trong chiến dịch Hồ Chí Minh "
        "lịch sử”.\nPhát biểu tại Hội thảo “Hướng Đông Nam trên địa bàn Đồng Nai trong chiến dịch Hồ Chí Minh lịch "
        "sử”, ông nói."
    )
    assert events(text) == {
        "Hội thảo khoa học “Hướng Đông Nam trên địa bàn Đồng Nai trong chiến dịch Hồ Chí Minh lịch sử”"
    }


def test_two_elections_listed_with_a_comma_are_one():
    text = "Cử tri tham gia bầu cử đại biểu Quốc hội khóa XV, bầu cử đại biểu HĐND các cấp nhiệm kỳ 2021-2026."
    assert events(text) == {
        "Bầu cử đại biểu Quốc hội khóa XV, bầu cử đại biểu Hội đồng nhân dân các cấp nhiệm kỳ 2021-2026"
    }


def test_an_ordinal_in_words_ending_a_name_is_kept():
    text = "Tỉnh ủy Sơn La tổ chức Hội nghị Ban Chấp hành Đảng bộ tỉnh lần thứ năm (mở rộng) để đánh giá kết quả."
    assert events(text) == {"Hội nghị Ban Chấp hành Đảng bộ tỉnh Sơn La lần thứ năm"}


@pytest.mark.parametrize(
    "text",
    [
        "Tại buổi làm việc, Bộ trưởng Y tế Nguyễn Thanh Long cho biết tình hình rất phức tạp.",
        "Tân Bộ trưởng có cuộc làm việc với nhiều bên liên quan.",
        "Các cuộc họp về phòng, chống dịch được tổ chức hằng tuần.",
        "Đại diện Myanmar đã trình bày với Hội nghị về diễn biến tình hình Myanmar thời gian qua.",
        "Cử tri kiến nghị tại kỳ họp Quốc hội sắp tới.",
        "Ông bị phạt khi tham dự cuộc họp tại tòa nhà chính phủ để thảo luận về tình hình Covid-19 ở nước này.",
        'Ông Minh phát biểu tại hội nghị: "Chúng ta phải làm tốt hơn. Không thể chậm trễ."',
        "Giao lưu với sinh viên tại Trường Đại học Bách khoa Hà Nội, Anh hùng Phạm Tuân kể về chuyến bay.",
        "Chương trình gồm các hoạt động: Giao lưu chia sẻ kinh nghiệm, truyền cảm hứng cùng diễn giả.",
    ],
)
def test_meetings_without_a_subject_or_a_name_are_no_events(text):
    assert events(text) == set()


@pytest.mark.parametrize(
    ("text", "found"),
    [
        # a festival described as traditional is the one named before
        (
            "Khu du lịch sinh thái Tràng An ra thông báo tạm hoãn tổ chức lễ hội Tràng An 2021 để chủ động phòng "
            "chống dịch. Lễ hội Tràng An truyền thống hàng năm là lễ hội lớn ở Ninh Bình.",
            {"Lễ hội Tràng An 2021"},
        ),
        # the candidates in general are no election
        (
            "Người ứng cử đại biểu HĐND các cấp đang công tác tại cơ quan Nhà nước phải được cơ quan đồng ý. Ông "
            "Trường được giới thiệu tái cử đại biểu HĐND phường nhiệm kỳ 2021-2026.",
            {"Bầu cử đại biểu Hội đồng nhân dân phường nhiệm kỳ 2021-2026"},
        ),
        # one anniversary named twice in an article is one event, named as first written
        (
            "Nhân dịp kỷ niệm 46 năm Ngày toàn thắng 30/4/1975, Bộ Quốc phòng tổ chức hội thảo khoa học. Hội thảo là "
            "hoạt động có ý nghĩa thiết thực, kỷ niệm 46 năm Ngày giải phóng miền Nam, thống nhất đất nước.",
            {"Kỷ niệm 46 năm Ngày toàn thắng 30/4/1975"},
        ),
        # anniversaries of different numbers of years are two events
        (
            "Tỉnh tổ chức kỷ niệm 46 năm Ngày giải phóng miền Nam, thống nhất đất nước và kỷ niệm 135 năm Ngày Quốc "
            "tế Lao động.",
            {"Kỷ niệm 46 năm Ngày giải phóng miền Nam, thống nhất đất nước", "Kỷ niệm 135 năm Ngày Quốc tế Lao động"},
        ),
        # a named exchange without its ordinal
        (
            "Hai bên triển khai hiệu quả các cơ chế hiện có, đặc biệt là Đối thoại Chiến lược quốc phòng cấp Thứ "
            "trưởng, Giao lưu hữu nghị Quốc phòng biên giới Việt Nam - Trung Quốc; hoạt động công tác đảng.",
            {
                "Đối thoại Chiến lược quốc phòng cấp Thứ trưởng",
                "Giao lưu hữu nghị Quốc phòng biên giới Việt Nam - Trung Quốc",
            },
        ),
        # two exchanges joined by "và" are two events
        (
            "Tổng Bí thư chúc mừng thành công của Giao lưu hữu nghị quốc phòng biên giới Việt Nam - Trung Quốc lần "
            "thứ 6 và Đối thoại chiến lược Quốc phòng cấp Thứ trưởng lần thứ 7.",
            {
                "Giao lưu hữu nghị quốc phòng biên giới Việt Nam - Trung Quốc lần thứ 6",
                "Đối thoại chiến lược Quốc phòng cấp Thứ trưởng lần thứ 7",
            },
        ),
        # a conference about a subject after "song song với" (not the audience of a speech: "trình bày với …")
        (
            "Song song với Hội nghị về phát triển du lịch bền vững vùng Tây Bắc, tỉnh còn tổ chức hội chợ.",
            {"Hội nghị về phát triển du lịch bền vững vùng Tây Bắc"},
        ),
        # a meeting named by what it announces ("buổi họp công bố …"); one with no subject is none
        (
            "Thông tin trên được đưa ra tại buổi họp công bố báo cáo kinh tế vĩ mô quý I của VEPR, sáng 20/4. Quang "
            "cảnh buổi họp chiều 30/4.",
            {"Buổi họp công bố báo cáo kinh tế vĩ mô quý I của VEPR"},
        ),
    ],
)
def test_the_events_of_a_text(text, found):
    assert events(text) == found


@pytest.mark.parametrize(
    ("text", "label"),
    [
        (  # news_education_234: the election the meeting is held for
            "Trước đó, Hội đồng trường của Trường ĐH Tôn Đức Thắng đã tổ chức hội nghị bầu chức danh quyền Hiệu "
            "trưởng. TS Trần Trọng Đạo đã được bầu.",
            "Hội nghị bầu chức danh quyền Hiệu trưởng",
        ),
        (  # news_business_149: the handover between the outgoing and the new minister
            "Trước đó, phát biểu tại hội nghị bàn giao hôm 12/4, ông Nguyễn Hồng Diên nhấn mạnh vai trò Bộ trưởng.",
            "Hội nghị bàn giao",
        ),
        (  # news_education_079: a ceremony announcing the decisions just named
            "Phát biểu tại lễ công bố quyết định, PGS.TS. Huỳnh Văn Chương khẳng định quyết tâm của Đại học Huế.",
            "Lễ công bố quyết định",
        ),
        (  # news_travel_074: the dot of "TP." does not end the name
            "Sở Du lịch tổ chức Tọa đàm Giải pháp khôi phục và phát triển du lịch TP. Đà Nẵng vào sáng nay.",
            "Tọa đàm Giải pháp khôi phục và phát triển du lịch TP. Đà Nẵng",
        ),
        (  # news_business_243: a comma after the year does
            "Tại lễ trao giải thưởng Sao Khuê 2021, ứng dụng mobile app VinID được vinh danh.",
            "Lễ trao giải thưởng Sao Khuê 2021",
        ),
    ],
)
def test_meetings_for_an_act_ceremonies_for_an_instrument_and_where_names_end(text, label):
    assert events(text) == {label}


@pytest.mark.parametrize(
    "text",
    [
        "Tại hội nghị, các đại biểu bàn giao hồ sơ cho nhau.",  # the act is the sentence's verb, after a comma
        "Ông phát biểu tại lễ khai mạc thực hiện nghiêm túc quy định.",  # no instrument, no name
    ],
)
def test_no_meeting_without_its_act(text):
    assert events(text) == set()


def test_the_election_of_the_assembly_of_a_term_is_one_event():
    text = (  # news_society_051
        "Liên quan đến cuộc bầu cử Quốc hội khóa XV, công tác nhân sự hết sức quan trọng. Bà Ngọc xin không tham "
        "gia ứng cử đại biểu Quốc hội khóa XV vì lý do gia đình."
    )
    assert events(text) == {"Bầu cử đại biểu Quốc hội khóa XV"}


def test_a_capitalised_ceremony_inside_a_sentence_is_named_by_its_object():
    text = (  # news_health_080
        "Bà Hằng chia sẻ tại Lễ ra mắt phần mềm ứng dụng trí tuệ nhân tạo trong nội soi đại tràng được tổ chức vào "
        "ngày 21/4."
    )
    assert events(text) == {"Lễ ra mắt phần mềm ứng dụng trí tuệ nhân tạo trong nội soi đại tràng"}
    # news_travel_113: a predicate follows the ceremony, not its object
    assert events("Người dân tham dự Lễ khai mạc thực hiện nghiêm túc các biện pháp phòng dịch.") == set()


def test_a_meeting_on_epidemic_prevention_without_ve():
    text = "Tham gia buổi họp phòng chống dịch bệnh chiều nay theo hình thức trực tuyến, đại diện Cảng vụ cho biết."
    assert events(text) == {"Buổi họp phòng chống dịch bệnh"}  # news_society_096
    # a meeting with no subject after it
    assert events("Quang cảnh buổi họp chiều 30/4 tại trụ sở UBND thành phố.") == set()


@pytest.mark.parametrize(
    ("text", "label"),
    [
        # the Party's congress as GUIDELINES.md names it, however the article writes it (news_business_014)
        (
            "Bộ trưởng cam kết đưa dự án vào vận hành thương mại trước Đại hội Đảng toàn quốc lần thứ XIII.",
            "Đại hội XIII của Đảng",
        ),
        # by its number alone, in an article that names no Party committee's congress (news_society_076)
        (
            "Văn kiện Đại hội XIII tiếp tục yêu cầu thực hiện nhiệm vụ đặt ra từ Đại hội XII, trong đó yêu cầu các cơ "
            "quan báo chí thực hiện đúng tôn chỉ.",
            "Đại hội XII của Đảng",
        ),
    ],
)
def test_the_partys_national_congress(text, label):
    assert label in events(text)


def test_a_congress_by_its_number_in_an_article_on_a_party_committee_is_not_the_partys():
    found = events("Đảng bộ thành phố đã tổ chức thành công Đại hội XVII. Sau Đại hội XIII, thành phố tiếp tục.")
    assert not any(e.endswith("của Đảng") for e in found)


@pytest.mark.parametrize(
    ("text", "label"),
    [
        # a second meeting of the same body with a subject of its own (news_business_014)
        (
            "Chiều 28/10, Thủ tướng đã chủ trì cuộc họp Thường trực Chính phủ về tình hình triển khai. Tại cuộc họp "
            "Thường trực Chính phủ về dự thảo báo cáo trình Bộ Chính trị diễn ra sáng nay, Thủ tướng yêu cầu.",
            "Cuộc họp Thường trực Chính phủ về dự thảo báo cáo trình Bộ Chính trị",
        ),
        # an inspection visit with its subject (news_society_071)
        (
            "Chủ tịch nước phát biểu tại buổi kiểm tra công tác phòng chống dịch Covid-19 ở Bệnh viện Phổi Đà Nẵng.",
            "Buổi kiểm tra công tác phòng chống dịch Covid-19",
        ),
        # a gathering held for an anniversary, named with it (news_society_116)
        (
            "Sáng nay (28/4), tại Bộ Công an, Ban Liên lạc tổ chức gặp mặt nhân kỷ niệm 46 năm giải phóng hoàn toàn "
            "miền Nam thống nhất đất nước (30/4/1975-30/4/2021).",
            "Gặp mặt nhân kỷ niệm 46 năm giải phóng hoàn toàn miền Nam thống nhất đất nước",
        ),
        # a council's session, its term written before its place (news_society_106)
        (
            "Tháng 11/2020 được các đại biểu kỳ họp 12, HĐND khóa IX thành phố Hồ Chí Minh (TP. HCM) thông qua.",
            "Kỳ họp thứ 12 Hội đồng nhân dân thành phố Hồ Chí Minh khóa IX",
        ),
    ],
)
def test_meetings_inspections_gatherings_and_sessions(text, label):
    assert label in events(text)


def test_no_event_from_an_inspection_without_subject_or_a_gathering_for_an_anniversary():
    assert not events("Tại buổi kiểm tra, đoàn kiểm tra đã làm việc với chủ nhà hàng.")
    found = events("Tỉnh tổ chức chuỗi sự kiện nhân kỷ niệm 46 năm Ngày thống nhất đất nước (30/4/1975 - 30/4/2021).")
    assert not any(e.startswith("Gặp mặt") for e in found)


def test_an_event_named_again_by_the_name_it_was_given_in_brackets():
    found = events(  # news_tech_177
        "Đây là nhận định của ông Lai tại Hội thảo Băng thông rộng di động & cố định (World Mobile Broadband & ICT) "
        "năm 2021 được tổ chức vào sáng nay, 25/3.\nÔng Lai phát biểu tại Hội thảo World Mobile Broadband 2021."
    )
    assert found == {"Hội thảo Băng thông rộng di động & cố định năm 2021"}
    # another year is another event
    found = events(
        "Tại Hội thảo Băng thông rộng di động & cố định (World Mobile Broadband & ICT) năm 2021 được tổ chức.\n"
        "Năm trước, Hội thảo World Mobile Broadband 2020 đã bàn về 4G."
    )
    assert "Hội thảo World Mobile Broadband 2020" in found
