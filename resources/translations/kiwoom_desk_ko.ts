<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko_KR" sourcelanguage="en">
<context>
    <name>AboutDialog</name>
    <message>
        <location filename="../../kiwoom_desk/ui/dialogs.py" line="340"/>
        <source>About Kiwoom Desk</source>
        <translation>Kiwoom Desk 정보</translation>
    </message>
    <message>
        <location filename="../../kiwoom_desk/ui/dialogs.py" line="344"/>
        <source>Manual trading practice on Kiwoom Securities&apos; REST API.</source>
        <translation>키움증권 REST API로 하는 수동 매매 연습 프로그램입니다.</translation>
    </message>
    <message>
        <location filename="../../kiwoom_desk/ui/dialogs.py" line="346"/>
        <source>Components and licences</source>
        <translation>구성 요소와 라이선스</translation>
    </message>
    <message>
        <location filename="../../kiwoom_desk/ui/dialogs.py" line="352"/>
        <source>This program uses Qt for Python (PySide6) under the GNU Lesser General Public License v3. The Qt libraries are separate files in the installation folder: you may replace them with your own build of the same version. Qt&apos;s source is available from qt.io. Qt is a trademark of The Qt Company.</source>
        <translation>이 프로그램은 GNU 약소 일반 공중 사용 허가서(LGPL) v3에 따라 Qt for Python(PySide6)을 사용합니다. Qt 라이브러리는 설치 폴더에 별도 파일로 들어 있으며, 같은 버전을 직접 빌드한 파일로 바꿔 쓸 수 있습니다. Qt 소스는 qt.io에서 받을 수 있습니다. Qt는 The Qt Company의 상표입니다.</translation>
    </message>
</context>
<context>
    <name>ChartPane</name>
    <message>
        <location filename="../../kiwoom_desk/ui/chart.py" line="97"/>
        <source>Daily</source>
        <translation>일</translation>
    </message>
    <message>
        <location filename="../../kiwoom_desk/ui/chart.py" line="97"/>
        <source>{minutes} min</source>
        <translation>{minutes}분</translation>
    </message>
    <message>
        <location filename="../../kiwoom_desk/ui/chart.py" line="99"/>
        <source>Candle interval</source>
        <translation>봉 주기</translation>
    </message>
    <message>
        <location filename="../../kiwoom_desk/ui/chart.py" line="100"/>
        <source>Price (KRW)</source>
        <translation>가격(원)</translation>
    </message>
    <message>
        <location filename="../../kiwoom_desk/ui/chart.py" line="100"/>
        <source>Volume</source>
        <translation>거래량</translation>
    </message>
    <message>
        <location filename="../../kiwoom_desk/ui/chart.py" line="132"/>
        <source>The chart could not be loaded: {why}</source>
        <translation>차트를 불러오지 못했습니다: {why}</translation>
    </message>
    <message>
        <location filename="../../kiwoom_desk/ui/chart.py" line="227"/>
        <source>{count} orders </source>
        <translation>{count}건 </translation>
    </message>
    <message>
        <location filename="../../kiwoom_desk/ui/chart.py" line="232"/>
        <source>Chart</source>
        <translation>차트</translation>
    </message>
    <message>
        <location filename="../../kiwoom_desk/ui/chart.py" line="239"/>
        <source>Upper limit</source>
        <translation>상한가</translation>
    </message>
    <message>
        <location filename="../../kiwoom_desk/ui/chart.py" line="239"/>
        <source>Lower limit</source>
        <translation>하한가</translation>
    </message>
    <message>
        <location filename="../../kiwoom_desk/ui/chart.py" line="247"/>
        <source>Enter a stock code in the ticket to see its chart.</source>
        <translation>주문창에 종목코드를 입력하면 차트가 나타납니다.</translation>
    </message>
    <message>
        <location filename="../../kiwoom_desk/ui/chart.py" line="249"/>
        <source>Loading the chart...</source>
        <translation>차트를 불러오는 중...</translation>
    </message>
    <message>
        <location filename="../../kiwoom_desk/ui/chart.py" line="269"/>
        <source>O {open} H {high} L {low} C {close} V {volume}</source>
        <translation>시가 {open} 고가 {high} 저가 {low} 종가 {close} 거래량 {volume}</translation>
    </message>
</context>
<context>
    <name>ConditionPanel</name>
    <message>
        <location filename="../../kiwoom_desk/ui/conditions.py" line="73"/>
        <source>Name</source>
        <translation>종목명</translation>
    </message>
    <message>
        <location filename="../../kiwoom_desk/ui/conditions.py" line="74"/>
        <source>Price</source>
        <translation>현재가</translation>
    </message>
    <message>
        <location filename="../../kiwoom_desk/ui/conditions.py" line="75"/>
        <source>Rate</source>
        <translation>등락률</translation>
    </message>
    <message>
        <location filename="../../kiwoom_desk/ui/conditions.py" line="57"/>
        <source>out {time}</source>
        <translation>이탈 {time}</translation>
    </message>
    <message>
        <location filename="../../kiwoom_desk/ui/conditions.py" line="58"/>
        <source>in {time}</source>
        <translation>편입 {time}</translation>
    </message>
    <message>
        <location filename="../../kiwoom_desk/ui/conditions.py" line="77"/>
        <source>In / out</source>
        <translation>편입·이탈</translation>
    </message>
    <message>
        <location filename="../../kiwoom_desk/ui/conditions.py" line="147"/>
        <source>Search</source>
        <translation>검색</translation>
    </message>
    <message>
        <location filename="../../kiwoom_desk/ui/conditions.py" line="148"/>
        <source>Find the stocks that match now</source>
        <translation>지금 조건에 맞는 종목을 찾습니다</translation>
    </message>
    <message>
        <location filename="../../kiwoom_desk/ui/conditions.py" line="149"/>
        <source>Live</source>
        <translation>실시간</translation>
    </message>
    <message>
        <location filename="../../kiwoom_desk/ui/conditions.py" line="150"/>
        <source>Watch the condition: stocks enter and leave as it happens</source>
        <translation>조건을 실시간으로 감시합니다: 종목이 편입·이탈하는 즉시 표시</translation>
    </message>
    <message>
        <location filename="../../kiwoom_desk/ui/conditions.py" line="151"/>
        <source>Sound on entry</source>
        <translation>편입 알림음</translation>
    </message>
    <message>
        <location filename="../../kiwoom_desk/ui/conditions.py" line="152"/>
        <source>Clear exits</source>
        <translation>이탈 지우기</translation>
    </message>
    <message>
        <location filename="../../kiwoom_desk/ui/conditions.py" line="153"/>
        <source>Remove the stocks that left the condition</source>
        <translation>조건에서 이탈한 종목을 목록에서 지웁니다</translation>
    </message>
    <message>
        <location filename="../../kiwoom_desk/ui/conditions.py" line="156"/>
        <source>No saved conditions. Conditions are made and saved in 영웅문4 (HTS, screen [0150] 조건검색); they appear here once saved.</source>
        <translation>저장된 조건식이 없습니다. 조건식은 영웅문4(HTS)의 [0150] 조건검색 화면에서 만들어 저장하면 여기에 나타납니다.</translation>
    </message>
    <message>
        <location filename="../../kiwoom_desk/ui/conditions.py" line="215"/>
        <source>{count} conditions</source>
        <translation>조건식 {count}개</translation>
    </message>
    <message>
        <location filename="../../kiwoom_desk/ui/conditions.py" line="236"/>
        <source>{name}: {count} stocks</source>
        <translation>{name}: {count}종목</translation>
    </message>
    <message>
        <location filename="../../kiwoom_desk/ui/conditions.py" line="254"/>
        <source>Live: {name}</source>
        <translation>실시간 감시: {name}</translation>
    </message>
    <message>
        <location filename="../../kiwoom_desk/ui/conditions.py" line="297"/>
        <source>The live condition stopped: {why}</source>
        <translation>실시간 조건검색이 중지되었습니다: {why}</translation>
    </message>
    <message>
        <location filename="../../kiwoom_desk/ui/conditions.py" line="312"/>
        <source>in</source>
        <translation>편입</translation>
    </message>
    <message>
        <location filename="../../kiwoom_desk/ui/conditions.py" line="312"/>
        <source>out</source>
        <translation>이탈</translation>
    </message>
</context>
<context>
    <name>ConfirmOrderDialog</name>
    <message>
        <location filename="../../kiwoom_desk/ui/dialogs.py" line="103"/>
        <source>Confirm order</source>
        <translation>주문 확인</translation>
    </message>
    <message>
        <location filename="../../kiwoom_desk/ui/dialogs.py" line="107"/>
        <source>{environment}: {side} order</source>
        <translation>{environment}: {side} 주문</translation>
    </message>
    <message>
        <location filename="../../kiwoom_desk/ui/dialogs.py" line="138"/>
        <source>{amount} won</source>
        <translation>{amount}원</translation>
    </message>
    <message>
        <location filename="../../kiwoom_desk/ui/dialogs.py" line="139"/>
        <source>at market</source>
        <translation>시장가</translation>
    </message>
    <message>
        <location filename="../../kiwoom_desk/ui/dialogs.py" line="142"/>
        <source>At the close, {amount} won</source>
        <translation>종가 {amount}원</translation>
    </message>
    <message>
        <location filename="../../kiwoom_desk/ui/dialogs.py" line="145"/>
        <source>Environment</source>
        <translation>투자구분</translation>
    </message>
    <message>
        <location filename="../../kiwoom_desk/ui/dialogs.py" line="146"/>
        <source>Side</source>
        <translation>구분</translation>
    </message>
    <message>
        <location filename="../../kiwoom_desk/ui/dialogs.py" line="147"/>
        <source>Stock</source>
        <translation>종목</translation>
    </message>
    <message>
        <location filename="../../kiwoom_desk/ui/dialogs.py" line="148"/>
        <source>Order type</source>
        <translation>매매구분</translation>
    </message>
    <message>
        <location filename="../../kiwoom_desk/ui/dialogs.py" line="149"/>
        <source>Venue</source>
        <translation>거래소</translation>
    </message>
    <message>
        <location filename="../../kiwoom_desk/ui/dialogs.py" line="150"/>
        <source>Price</source>
        <translation>주문가</translation>
    </message>
    <message>
        <location filename="../../kiwoom_desk/ui/dialogs.py" line="151"/>
        <source>Quantity</source>
        <translation>주문수량</translation>
    </message>
    <message>
        <location filename="../../kiwoom_desk/ui/dialogs.py" line="154"/>
        <source>Credit</source>
        <translation>신용</translation>
    </message>
    <message>
        <location filename="../../kiwoom_desk/ui/dialogs.py" line="157"/>
        <source>Estimated margin and commission</source>
        <translation>예상 증거금(수수료 포함)</translation>
    </message>
    <message>
        <location filename="../../kiwoom_desk/ui/dialogs.py" line="159"/>
        <source>Estimated amount (at the upper limit)</source>
        <translation>예상 주문금액(상한가 기준)</translation>
    </message>
    <message>
        <location filename="../../kiwoom_desk/ui/dialogs.py" line="161"/>
        <source>Estimated amount</source>
        <translation>예상 주문금액</translation>
    </message>
    <message>
        <location filename="../../kiwoom_desk/ui/dialogs.py" line="164"/>
        <source>Estimated cash after loan, interest and fees</source>
        <translation>융자·이자·수수료·세금 뺀 예상 입금액</translation>
    </message>
    <message>
        <location filename="../../kiwoom_desk/ui/dialogs.py" line="167"/>
        <source>Estimated proceeds before the loan is repaid</source>
        <translation>융자 상환 전 예상 수령액</translation>
    </message>
    <message>
        <location filename="../../kiwoom_desk/ui/dialogs.py" line="171"/>
        <source>Estimated proceeds after fees and tax</source>
        <translation>수수료·세금 뺀 예상 수령액</translation>
    </message>
    <message>
        <location filename="../../kiwoom_desk/ui/dialogs.py" line="174"/>
        <source>Stop price</source>
        <translation>스톱가격</translation>
    </message>
    <message>
        <location filename="../../kiwoom_desk/ui/dialogs.py" line="181"/>
        <source>Credit (own loan), margin {rate}%</source>
        <translation>신용 (자기융자), 증거금 {rate}%</translation>
    </message>
    <message>
        <location filename="../../kiwoom_desk/ui/dialogs.py" line="183"/>
        <source>Credit, repays the loan of {day}</source>
        <translation>신용, {day} 대출분 상환</translation>
    </message>
    <message>
        <location filename="../../kiwoom_desk/ui/dialogs.py" line="184"/>
        <source>Credit, repays all loans (oldest first)</source>
        <translation>신용, 융자합 (오래된 대출부터 상환)</translation>
    </message>
    <message>
        <location filename="../../kiwoom_desk/ui/dialogs.py" line="121"/>
        <source>Over your limits:</source>
        <translation>한도 초과:</translation>
    </message>
    <message>
        <location filename="../../kiwoom_desk/ui/dialogs.py" line="126"/>
        <source>Send order</source>
        <translation>주문 전송</translation>
    </message>
</context>
<context>
    <name>CredentialsDialog</name>
    <message>
        <location filename="../../kiwoom_desk/ui/dialogs.py" line="241"/>
        <source>{environment} keys</source>
        <translation>{environment} 앱키 관리</translation>
    </message>
    <message>
        <location filename="../../kiwoom_desk/ui/dialogs.py" line="246"/>
        <source>Keys come from Kiwoom&apos;s REST API site: one app key and secret key per environment (Mock and Real differ), for the IP address of this PC, which must be registered there.</source>
        <translation>앱키와 시크릿키는 키움 REST API 사이트에서 투자구분마다(모의투자와 실전은 다릅니다) 발급받으며, 이 PC의 IP를 그곳에 등록해야 합니다.</translation>
    </message>
    <message>
        <location filename="../../kiwoom_desk/ui/dialogs.py" line="263"/>
        <source>Show keys</source>
        <translation>키 보기</translation>
    </message>
    <message>
        <location filename="../../kiwoom_desk/ui/dialogs.py" line="265"/>
        <source>App key</source>
        <translation>앱키</translation>
    </message>
    <message>
        <location filename="../../kiwoom_desk/ui/dialogs.py" line="266"/>
        <source>Secret key</source>
        <translation>시크릿키</translation>
    </message>
    <message>
        <location filename="../../kiwoom_desk/ui/dialogs.py" line="275"/>
        <source>Test</source>
        <translation>연결 시험</translation>
    </message>
    <message>
        <location filename="../../kiwoom_desk/ui/dialogs.py" line="276"/>
        <source>Save</source>
        <translation>저장</translation>
    </message>
    <message>
        <location filename="../../kiwoom_desk/ui/dialogs.py" line="277"/>
        <source>Delete</source>
        <translation>삭제</translation>
    </message>
    <message>
        <location filename="../../kiwoom_desk/ui/dialogs.py" line="278"/>
        <source>Close</source>
        <translation>닫기</translation>
    </message>
</context>
<context>
    <name>CreditChoice</name>
    <message>
        <location filename="../../kiwoom_desk/ui/ticket_credit.py" line="34"/>
        <source>No credit: not a credit stock</source>
        <translation>신용 불가: 신용거래 대상 종목이 아닙니다</translation>
    </message>
    <message>
        <location filename="../../kiwoom_desk/ui/ticket_credit.py" line="36"/>
        <source>No credit: the broker&apos;s credit limit is used up</source>
        <translation>신용 불가: 종목 신용한도 초과</translation>
    </message>
    <message>
        <location filename="../../kiwoom_desk/ui/ticket_credit.py" line="38"/>
        <source>Margin {rate}%</source>
        <translation>증거금 {rate}%</translation>
    </message>
    <message>
        <location filename="../../kiwoom_desk/ui/ticket_credit.py" line="104"/>
        <source>Cash</source>
        <translation>현금</translation>
    </message>
    <message>
        <location filename="../../kiwoom_desk/ui/ticket_credit.py" line="105"/>
        <source>Credit</source>
        <translation>신용</translation>
    </message>
    <message>
        <location filename="../../kiwoom_desk/ui/ticket_credit.py" line="163"/>
        <source>All loans</source>
        <translation>융자합</translation>
    </message>
    <message>
        <location filename="../../kiwoom_desk/ui/ticket_credit.py" line="165"/>
        <source>{day} · {shares} sh.</source>
        <translation>{day} · {shares}주</translation>
    </message>
    <message>
        <location filename="../../kiwoom_desk/ui/ticket_credit.py" line="168"/>
        <source>{day} · repaid (none held)</source>
        <translation>{day} · 상환됨 (보유 없음)</translation>
    </message>
    <message>
        <location filename="../../kiwoom_desk/ui/ticket_credit.py" line="198"/>
        <source>No credit lots of this stock</source>
        <translation>이 종목의 신용 잔고가 없습니다</translation>
    </message>
</context>
<context>
    <name>Environment</name>
    <message>
        <location filename="../../kiwoom_desk/ui/labels.py" line="29"/>
        <source>Sandbox</source>
        <translation>연습</translation>
    </message>
    <message>
        <location filename="../../kiwoom_desk/ui/labels.py" line="30"/>
        <source>Mock</source>
        <translation>모의투자</translation>
    </message>
    <message>
        <location filename="../../kiwoom_desk/ui/labels.py" line="31"/>
        <source>Real</source>
        <translation>실전</translation>
    </message>
</context>
<context>
    <name>Error</name>
    <message>
        <location filename="../../kiwoom_desk/ui/labels.py" line="178"/>
        <source>The order is not valid, so it was not sent.</source>
        <translation>주문 내용이 올바르지 않아 보내지 않았습니다.</translation>
    </message>
    <message>
        <location filename="../../kiwoom_desk/ui/labels.py" line="181"/>
        <source>The request does not match the server&apos;s format.</source>
        <translation>요청 형식이 서버 규격과 맞지 않습니다.</translation>
    </message>
    <message>
        <location filename="../../kiwoom_desk/ui/labels.py" line="182"/>
        <source>Too many requests; try again in a moment.</source>
        <translation>요청이 너무 잦습니다. 잠시 후 다시 시도하세요.</translation>
    </message>
    <message>
        <location filename="../../kiwoom_desk/ui/labels.py" line="183"/>
        <source>No such stock code; check it.</source>
        <translation>종목코드를 찾을 수 없습니다. 코드를 확인하세요.</translation>
    </message>
    <message>
        <location filename="../../kiwoom_desk/ui/labels.py" line="184"/>
        <source>The app key or secret key is wrong.</source>
        <translation>앱키 또는 시크릿키가 올바르지 않습니다.</translation>
    </message>
    <message>
        <location filename="../../kiwoom_desk/ui/labels.py" line="185"/>
        <source>The access token is not valid; sign in again.</source>
        <translation>접근토큰이 유효하지 않습니다. 다시 로그인하세요.</translation>
    </message>
    <message>
        <location filename="../../kiwoom_desk/ui/labels.py" line="186"/>
        <source>Real and mock trading are mixed up.</source>
        <translation>실전/모의투자 구분이 맞지 않습니다.</translation>
    </message>
    <message>
        <location filename="../../kiwoom_desk/ui/labels.py" line="187"/>
        <source>This IP or device is not registered; register it on Kiwoom&apos;s OpenAPI site.</source>
        <translation>등록되지 않은 IP 또는 단말기입니다. 키움 OpenAPI 사이트에서 IP를 등록하세요.</translation>
    </message>
    <message>
        <location filename="../../kiwoom_desk/ui/labels.py" line="190"/>
        <source>Kiwoom server error; try again later.</source>
        <translation>키움 서버 오류입니다. 잠시 후 다시 시도하세요.</translation>
    </message>
    <message>
        <location filename="../../kiwoom_desk/ui/labels.py" line="191"/>
        <source>The order was rejected; see the server&apos;s reason.</source>
        <translation>주문이 거부되었습니다. 서버의 사유를 확인하세요.</translation>
    </message>
    <message>
        <location filename="../../kiwoom_desk/ui/labels.py" line="194"/>
        <source>The Kiwoom server refused the request.</source>
        <translation>키움 서버가 요청을 거절했습니다.</translation>
    </message>
    <message>
        <location filename="../../kiwoom_desk/ui/labels.py" line="195"/>
        <source>Could not reach the Kiwoom server; check the network.</source>
        <translation>키움 서버와 통신하지 못했습니다. 네트워크를 확인하세요.</translation>
    </message>
    <message>
        <location filename="../../kiwoom_desk/ui/labels.py" line="198"/>
        <source>The server&apos;s answer could not be read.</source>
        <translation>서버 응답을 해석할 수 없습니다.</translation>
    </message>
    <message>
        <location filename="../../kiwoom_desk/ui/labels.py" line="199"/>
        <source>It is unknown whether the order reached the exchange; check open orders before ordering again.</source>
        <translation>주문이 접수되었는지 알 수 없습니다. 미체결·주문내역을 확인하기 전에는 다시 주문하지 마세요.</translation>
    </message>
    <message>
        <location filename="../../kiwoom_desk/ui/labels.py" line="202"/>
        <source>The Kiwoom API request failed.</source>
        <translation>키움 API 요청이 실패했습니다.</translation>
    </message>
    <message>
        <location filename="../../kiwoom_desk/ui/labels.py" line="205"/>
        <source>Too many requests for this API; retry shortly.</source>
        <translation>이 API의 허용 요청 횟수를 넘었습니다. 잠시 후 다시 시도하세요.</translation>
    </message>
    <message>
        <location filename="../../kiwoom_desk/ui/labels.py" line="206"/>
        <source>The access token has expired or is not valid.</source>
        <translation>접근토큰이 만료되었거나 유효하지 않습니다.</translation>
    </message>
    <message>
        <location filename="../../kiwoom_desk/ui/labels.py" line="207"/>
        <source>The token was issued to another IP; sign in again from this network.</source>
        <translation>토큰을 발급받은 IP와 지금 IP가 다릅니다. 같은 PC·네트워크에서 다시 로그인하세요.</translation>
    </message>
    <message>
        <location filename="../../kiwoom_desk/ui/labels.py" line="210"/>
        <source>This app key belongs to the other environment (real vs mock); enter the key for this one.</source>
        <translation>이 앱키는 다른 투자구분(실전/모의)용입니다. 환경에 맞는 앱키를 입력하세요.</translation>
    </message>
    <message>
        <location filename="../../kiwoom_desk/ui/labels.py" line="213"/>
        <source>This token was issued for the other environment (real vs mock).</source>
        <translation>이 토큰은 다른 투자구분(실전/모의)에서 발급되었습니다.</translation>
    </message>
    <message>
        <location filename="../../kiwoom_desk/ui/labels.py" line="216"/>
        <source>Mock trading does not support this request.</source>
        <translation>모의투자에서는 지원하지 않는 기능입니다.</translation>
    </message>
</context>
<context>
    <name>ErrorDialog</name>
    <message>
        <location filename="../../kiwoom_desk/ui/dialogs.py" line="306"/>
        <source>Unexpected error</source>
        <translation>예기치 못한 오류</translation>
    </message>
    <message>
        <location filename="../../kiwoom_desk/ui/dialogs.py" line="308"/>
        <source>Something went wrong. The app keeps running; the details are in the log.</source>
        <translation>문제가 발생했습니다. 프로그램은 계속 실행되며 자세한 내용은 로그에 남았습니다.</translation>
    </message>
    <message>
        <location filename="../../kiwoom_desk/ui/dialogs.py" line="312"/>
        <source>Copy</source>
        <translation>복사</translation>
    </message>
</context>
<context>
    <name>FillsTable</name>
    <message>
        <location filename="../../kiwoom_desk/ui/fills.py" line="23"/>
        <source>Time</source>
        <translation>시간</translation>
    </message>
    <message>
        <location filename="../../kiwoom_desk/ui/fills.py" line="24"/>
        <source>Code</source>
        <translation>종목코드</translation>
    </message>
    <message>
        <location filename="../../kiwoom_desk/ui/fills.py" line="25"/>
        <source>Name</source>
        <translation>종목명</translation>
    </message>
    <message>
        <location filename="../../kiwoom_desk/ui/fills.py" line="27"/>
        <source>Side</source>
        <translation>구분</translation>
    </message>
    <message>
        <location filename="../../kiwoom_desk/ui/fills.py" line="32"/>
        <source>Average price</source>
        <translation>체결평균가</translation>
    </message>
    <message>
        <location filename="../../kiwoom_desk/ui/fills.py" line="33"/>
        <source>Filled</source>
        <translation>체결수량</translation>
    </message>
    <message>
        <location filename="../../kiwoom_desk/ui/fills.py" line="34"/>
        <source>Fees and tax</source>
        <translation>수수료·세금</translation>
    </message>
    <message>
        <location filename="../../kiwoom_desk/ui/fills.py" line="35"/>
        <source>Order no.</source>
        <translation>주문번호</translation>
    </message>
</context>
<context>
    <name>FlowPlot</name>
    <message>
        <location filename="../../kiwoom_desk/ui/investor_flow.py" line="94"/>
        <source>No trading by investor type yet today</source>
        <translation>오늘 투자자별 매매가 아직 없습니다</translation>
    </message>
</context>
<context>
    <name>Hotkeys</name>
    <message>
        <location filename="../../kiwoom_desk/ui/hotkeys.py" line="42"/>
        <source>Go to the stock field</source>
        <translation>종목 입력칸으로 이동</translation>
    </message>
    <message>
        <location filename="../../kiwoom_desk/ui/hotkeys.py" line="43"/>
        <source>Buy side</source>
        <translation>매수 선택</translation>
    </message>
    <message>
        <location filename="../../kiwoom_desk/ui/hotkeys.py" line="44"/>
        <source>Sell side</source>
        <translation>매도 선택</translation>
    </message>
    <message>
        <location filename="../../kiwoom_desk/ui/hotkeys.py" line="45"/>
        <source>Price one tick up</source>
        <translation>가격 한 호가 올림</translation>
    </message>
    <message>
        <location filename="../../kiwoom_desk/ui/hotkeys.py" line="46"/>
        <source>Price one tick down</source>
        <translation>가격 한 호가 내림</translation>
    </message>
    <message>
        <location filename="../../kiwoom_desk/ui/hotkeys.py" line="47"/>
        <source>Price to the best bid</source>
        <translation>가격을 매수1호가로</translation>
    </message>
    <message>
        <location filename="../../kiwoom_desk/ui/hotkeys.py" line="48"/>
        <source>Price to the best ask</source>
        <translation>가격을 매도1호가로</translation>
    </message>
    <message>
        <location filename="../../kiwoom_desk/ui/hotkeys.py" line="49"/>
        <source>Price to the current price</source>
        <translation>가격을 현재가로</translation>
    </message>
    <message>
        <location filename="../../kiwoom_desk/ui/hotkeys.py" line="50"/>
        <source>Send the ticket</source>
        <translation>주문 전송</translation>
    </message>
    <message>
        <location filename="../../kiwoom_desk/ui/hotkeys.py" line="51"/>
        <source>Cancel the selected orders (in the open orders)</source>
        <translation>선택 주문 취소 (미체결 목록에서)</translation>
    </message>
    <message>
        <location filename="../../kiwoom_desk/ui/hotkeys.py" line="52"/>
        <source>Cancel all open orders (asks first)</source>
        <translation>미체결 전체 취소 (먼저 확인)</translation>
    </message>
    <message>
        <location filename="../../kiwoom_desk/ui/hotkeys.py" line="53"/>
        <source>Refresh orders and balance</source>
        <translation>주문·잔고 새로고침</translation>
    </message>
    <message>
        <location filename="../../kiwoom_desk/ui/hotkeys.py" line="54"/>
        <source>Add the ticket&apos;s stock to the watchlist</source>
        <translation>주문창 종목을 관심종목에 추가</translation>
    </message>
    <message>
        <location filename="../../kiwoom_desk/ui/hotkeys.py" line="57"/>
        <source>Quantity: {share}% of the most</source>
        <translation>수량: 가능 수량의 {share}%</translation>
    </message>
    <message>
        <location filename="../../kiwoom_desk/ui/hotkeys.py" line="126"/>
        <source>{key}: already “{command}”.</source>
        <translation>{key}: 이미 “{command}”에 쓰입니다.</translation>
    </message>
    <message>
        <location filename="../../kiwoom_desk/ui/hotkeys.py" line="129"/>
        <source>{key}: opens the “{menu}” menu.</source>
        <translation>{key}: “{menu}” 메뉴를 여는 키입니다.</translation>
    </message>
    <message>
        <location filename="../../kiwoom_desk/ui/hotkeys.py" line="131"/>
        <source>{key}: needed for editing text.</source>
        <translation>{key}: 글자 편집에 쓰는 키입니다.</translation>
    </message>
    <message>
        <location filename="../../kiwoom_desk/ui/hotkeys.py" line="139"/>
        <source>{key}: needed for typing. Add Ctrl or Alt.</source>
        <translation>{key}: 입력에 쓰는 키입니다. Ctrl이나 Alt와 함께 지정하세요.</translation>
    </message>
</context>
<context>
    <name>HotkeysDialog</name>
    <message>
        <location filename="../../kiwoom_desk/ui/hotkeys_dialog.py" line="29"/>
        <source>Hotkeys</source>
        <translation>단축키</translation>
    </message>
    <message>
        <location filename="../../kiwoom_desk/ui/hotkeys_dialog.py" line="34"/>
        <source>Click a box and press the keys. A hotkey works like its button: a send is checked and confirmed the same way, and holding the key sends once.</source>
        <translation>칸을 누르고 키를 누르세요. 단축키는 버튼과 똑같이 동작합니다: 주문은 같은 검사와 확인을 거치고, 키를 누르고 있어도 한 번만 전송됩니다.</translation>
    </message>
    <message>
        <location filename="../../kiwoom_desk/ui/hotkeys_dialog.py" line="41"/>
        <source>Key</source>
        <translation>단축키</translation>
    </message>
    <message>
        <location filename="../../kiwoom_desk/ui/hotkeys_dialog.py" line="42"/>
        <source>Default</source>
        <translation>기본값</translation>
    </message>
    <message>
        <location filename="../../kiwoom_desk/ui/hotkeys_dialog.py" line="51"/>
        <source>No key for this command</source>
        <translation>이 명령의 단축키 지우기</translation>
    </message>
</context>
<context>
    <name>InvestorFlowView</name>
    <message>
        <location filename="../../kiwoom_desk/ui/investor_flow.py" line="40"/>
        <source>Individuals</source>
        <translation>개인</translation>
    </message>
    <message>
        <location filename="../../kiwoom_desk/ui/investor_flow.py" line="41"/>
        <source>Foreigners</source>
        <translation>외국인</translation>
    </message>
    <message>
        <location filename="../../kiwoom_desk/ui/investor_flow.py" line="42"/>
        <source>Institutions</source>
        <translation>기관계</translation>
    </message>
    <message>
        <location filename="../../kiwoom_desk/ui/investor_flow.py" line="67"/>
        <source>Date</source>
        <translation>일자</translation>
    </message>
    <message>
        <location filename="../../kiwoom_desk/ui/investor_flow.py" line="248"/>
        <source>{days} days · {points} intraday points · read {time}</source>
        <translation>{days}일 · 장중 {points}개 시점 · {time} 기준</translation>
    </message>
    <message>
        <location filename="../../kiwoom_desk/ui/investor_flow.py" line="177"/>
        <source>Refresh</source>
        <translation>조회</translation>
    </message>
    <message>
        <location filename="../../kiwoom_desk/ui/investor_flow.py" line="186"/>
        <source>{name}: net buying by investor type (shares)</source>
        <translation>{name} 투자자별 순매수 (주)</translation>
    </message>
    <message>
        <location filename="../../kiwoom_desk/ui/investor_flow.py" line="187"/>
        <source>Put a stock in the ticket</source>
        <translation>주문창에 종목을 넣으세요</translation>
    </message>
</context>
<context>
    <name>Keys</name>
    <message>
        <location filename="../../kiwoom_desk/ui/labels.py" line="237"/>
        <source>The system keyring is not available, so Mock and Real keys cannot be stored. On Linux install a Secret Service such as gnome-keyring; on Windows the Credential Manager is used. The Sandbox needs no keys.</source>
        <translation>시스템 키링을 쓸 수 없어 모의투자·실전 앱키를 저장할 수 없습니다. Linux에서는 gnome-keyring 같은 Secret Service를 설치하세요(Windows는 자격 증명 관리자를 씁니다). 연습은 키 없이 됩니다.</translation>
    </message>
</context>
<context>
    <name>KeysEditor</name>
    <message>
        <location filename="../../kiwoom_desk/ui/keys.py" line="67"/>
        <location filename="../../kiwoom_desk/ui/keys.py" line="81"/>
        <source>Enter both keys.</source>
        <translation>앱키와 시크릿키를 모두 입력하세요.</translation>
    </message>
    <message>
        <location filename="../../kiwoom_desk/ui/keys.py" line="69"/>
        <source>Testing...</source>
        <translation>시험 중...</translation>
    </message>
    <message>
        <location filename="../../kiwoom_desk/ui/keys.py" line="74"/>
        <source>Not accepted: {reason}</source>
        <translation>사용할 수 없는 키입니다: {reason}</translation>
    </message>
    <message>
        <location filename="../../kiwoom_desk/ui/keys.py" line="77"/>
        <source>Keys work: account ending {last4}.</source>
        <translation>정상입니다: 계좌 끝자리 {last4}.</translation>
    </message>
    <message>
        <location filename="../../kiwoom_desk/ui/keys.py" line="91"/>
        <source>Saved in the system keyring.</source>
        <translation>시스템 키링에 저장했습니다.</translation>
    </message>
    <message>
        <location filename="../../kiwoom_desk/ui/keys.py" line="95"/>
        <source>Save keys</source>
        <translation>앱키 저장</translation>
    </message>
    <message>
        <location filename="../../kiwoom_desk/ui/keys.py" line="94"/>
        <source>The test of these keys failed. Save them anyway?</source>
        <translation>이 앱키는 확인에 실패했습니다. 그래도 저장할까요?</translation>
    </message>
    <message>
        <location filename="../../kiwoom_desk/ui/keys.py" line="42"/>
        <source>Enter {environment} keys first.</source>
        <translation>먼저 {environment} 앱키를 입력하세요.</translation>
    </message>
    <message>
        <location filename="../../kiwoom_desk/ui/keys.py" line="106"/>
        <source>Deleted from the system keyring.</source>
        <translation>시스템 키링에서 삭제했습니다.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../kiwoom_desk/ui/main_window.py" line="173"/>
        <source>REAL TRADING: orders use real money</source>
        <translation>실전투자: 실제 돈으로 주문됩니다</translation>
    </message>
    <message>
        <location filename="../../kiwoom_desk/ui/main_window.py" line="177"/>
        <source>Watchlist</source>
        <translation>관심종목</translation>
    </message>
    <message>
        <location filename="../../kiwoom_desk/ui/main_window.py" line="179"/>
        <source>Open orders</source>
        <translation>미체결</translation>
    </message>
    <message>
        <location filename="../../kiwoom_desk/ui/main_window.py" line="180"/>
        <source>Fills</source>
        <translation>체결</translation>
    </message>
    <message>
        <location filename="../../kiwoom_desk/ui/main_window.py" line="181"/>
        <source>Review</source>
        <translation>매매일지</translation>
    </message>
    <message>
        <location filename="../../kiwoom_desk/ui/main_window.py" line="183"/>
        <source>Positions and cash</source>
        <translation>잔고 및 예수금</translation>
    </message>
    <message>
        <location filename="../../kiwoom_desk/ui/main_window.py" line="216"/>
        <source>Language: English</source>
        <translation>언어: 한국어</translation>
    </message>
    <message>
        <location filename="../../kiwoom_desk/ui/main_window.py" line="228"/>
        <source>REAL MONEY</source>
        <translation>실전</translation>
    </message>
    <message>
        <location filename="../../kiwoom_desk/ui/main_window.py" line="276"/>
        <source>Wait for the order&apos;s answer before switching.</source>
        <translation>주문 응답을 받은 뒤에 전환하세요.</translation>
    </message>
    <message>
        <location filename="../../kiwoom_desk/ui/main_window.py" line="310"/>
        <source>Connecting to {environment}...</source>
        <translation>{environment} 서버에 연결 중...</translation>
    </message>
    <message>
        <location filename="../../kiwoom_desk/ui/main_window.py" line="335"/>
        <source>Connected. Loading the stock list...</source>
        <translation>연결되었습니다. 종목 목록을 불러오는 중...</translation>
    </message>
    <message>
        <location filename="../../kiwoom_desk/ui/main_window.py" line="339"/>
        <source>Ready: {count} stocks</source>
        <translation>준비 완료: {count}개 종목</translation>
    </message>
    <message>
        <location filename="../../kiwoom_desk/ui/main_window.py" line="355"/>
        <source>The Sandbox account was reset.</source>
        <translation>연습 계좌를 초기화했습니다.</translation>
    </message>
</context>
<context>
    <name>ModifyDialog</name>
    <message>
        <location filename="../../kiwoom_desk/ui/modify_dialog.py" line="40"/>
        <source>Modify order {number}</source>
        <translation>주문 정정 {number}</translation>
    </message>
    <message>
        <location filename="../../kiwoom_desk/ui/modify_dialog.py" line="43"/>
        <source>Stock</source>
        <translation>종목</translation>
    </message>
    <message>
        <location filename="../../kiwoom_desk/ui/modify_dialog.py" line="44"/>
        <source>Unfilled</source>
        <translation>미체결</translation>
    </message>
    <message>
        <location filename="../../kiwoom_desk/ui/modify_dialog.py" line="54"/>
        <source>All unfilled</source>
        <translation>미체결 전량</translation>
    </message>
    <message>
        <location filename="../../kiwoom_desk/ui/modify_dialog.py" line="57"/>
        <source>New price</source>
        <translation>정정가</translation>
    </message>
    <message>
        <location filename="../../kiwoom_desk/ui/modify_dialog.py" line="59"/>
        <source>Quantity</source>
        <translation>정정수량</translation>
    </message>
    <message>
        <location filename="../../kiwoom_desk/ui/modify_dialog.py" line="91"/>
        <source>This order is no longer open.</source>
        <translation>이 주문은 더 이상 미체결이 아닙니다.</translation>
    </message>
</context>
<context>
    <name>OpenOrdersTable</name>
    <message>
        <location filename="../../kiwoom_desk/ui/open_orders.py" line="21"/>
        <source>Time</source>
        <translation>시간</translation>
    </message>
    <message>
        <location filename="../../kiwoom_desk/ui/open_orders.py" line="22"/>
        <source>Order no.</source>
        <translation>주문번호</translation>
    </message>
    <message>
        <location filename="../../kiwoom_desk/ui/open_orders.py" line="23"/>
        <source>Code</source>
        <translation>종목코드</translation>
    </message>
    <message>
        <location filename="../../kiwoom_desk/ui/open_orders.py" line="24"/>
        <source>Name</source>
        <translation>종목명</translation>
    </message>
    <message>
        <location filename="../../kiwoom_desk/ui/open_orders.py" line="26"/>
        <source>Side</source>
        <translation>구분</translation>
    </message>
    <message>
        <location filename="../../kiwoom_desk/ui/open_orders.py" line="31"/>
        <source>Type</source>
        <translation>매매구분</translation>
    </message>
    <message>
        <location filename="../../kiwoom_desk/ui/open_orders.py" line="32"/>
        <source>Price</source>
        <translation>주문가</translation>
    </message>
    <message>
        <location filename="../../kiwoom_desk/ui/open_orders.py" line="34"/>
        <source>Quantity</source>
        <translation>주문수량</translation>
    </message>
    <message>
        <location filename="../../kiwoom_desk/ui/open_orders.py" line="37"/>
        <source>Filled</source>
        <translation>체결수량</translation>
    </message>
    <message>
        <location filename="../../kiwoom_desk/ui/open_orders.py" line="43"/>
        <source>Unfilled</source>
        <translation>미체결</translation>
    </message>
    <message>
        <location filename="../../kiwoom_desk/ui/open_orders.py" line="45"/>
        <source>Status</source>
        <translation>상태</translation>
    </message>
    <message>
        <location filename="../../kiwoom_desk/ui/open_orders.py" line="46"/>
        <source>Venue</source>
        <translation>거래소</translation>
    </message>
    <message>
        <location filename="../../kiwoom_desk/ui/open_orders.py" line="87"/>
        <source>Modify...</source>
        <translation>정정...</translation>
    </message>
    <message>
        <location filename="../../kiwoom_desk/ui/open_orders.py" line="90"/>
        <source>Cancel</source>
        <translation>취소</translation>
    </message>
    <message>
        <location filename="../../kiwoom_desk/ui/open_orders.py" line="134"/>
        <source>Open orders</source>
        <translation>미체결</translation>
    </message>
    <message>
        <location filename="../../kiwoom_desk/ui/open_orders.py" line="135"/>
        <source>Cancel selected</source>
        <translation>선택 취소</translation>
    </message>
</context>
<context>
    <name>OrderActions</name>
    <message>
        <location filename="../../kiwoom_desk/ui/order_actions.py" line="76"/>
        <source>Not connected.</source>
        <translation>연결되어 있지 않습니다.</translation>
    </message>
    <message>
        <location filename="../../kiwoom_desk/ui/order_actions.py" line="81"/>
        <source>Order not sent.</source>
        <translation>주문을 보내지 않았습니다.</translation>
    </message>
    <message>
        <location filename="../../kiwoom_desk/ui/order_actions.py" line="89"/>
        <source>Order accepted: no. {number}</source>
        <translation>주문 접수: 주문번호 {number}</translation>
    </message>
    <message>
        <location filename="../../kiwoom_desk/ui/order_actions.py" line="107"/>
        <source>Not sent, over your limits: {reasons}</source>
        <translation>한도 초과로 전송하지 않았습니다: {reasons}</translation>
    </message>
    <message>
        <location filename="../../kiwoom_desk/ui/order_actions.py" line="110"/>
        <source>No answer from the server. Open orders were refreshed: check them before ordering again.</source>
        <translation>서버 응답이 없습니다. 미체결을 새로 조회했으니 다시 주문하기 전에 확인하세요.</translation>
    </message>
    <message>
        <location filename="../../kiwoom_desk/ui/order_actions.py" line="126"/>
        <source>{environment} does not offer credit trading; the server said: {reason}. The ticket offers cash orders only in {environment} from now on.</source>
        <translation>{environment}에서는 신용거래를 할 수 없습니다. 서버 응답: {reason}. 이제부터 {environment}에서는 현금 주문만 표시합니다.</translation>
    </message>
    <message>
        <location filename="../../kiwoom_desk/ui/order_actions.py" line="295"/>
        <source>Rejected: {name} {side} {quantity}: {reason}</source>
        <translation>주문 거부: {name} {side} {quantity}: {reason}</translation>
    </message>
    <message>
        <location filename="../../kiwoom_desk/ui/order_actions.py" line="300"/>
        <source>Filled: {name} {side} {quantity} at {price} won ({unfilled} unfilled)</source>
        <translation>체결: {name} {side} {quantity} @ {price}원 (미체결 {unfilled})</translation>
    </message>
    <message>
        <location filename="../../kiwoom_desk/ui/order_actions.py" line="99"/>
        <source>Order refused: {reason}</source>
        <translation>주문 거부: {reason}</translation>
    </message>
    <message>
        <location filename="../../kiwoom_desk/ui/order_actions.py" line="174"/>
        <source>No quote: {reason} Trying again in {seconds} s.</source>
        <translation>시세를 받지 못했습니다: {reason} {seconds}초 뒤에 다시 시도합니다.</translation>
    </message>
    <message>
        <location filename="../../kiwoom_desk/ui/order_actions.py" line="213"/>
        <source>No open orders.</source>
        <translation>미체결 주문이 없습니다.</translation>
    </message>
    <message>
        <location filename="../../kiwoom_desk/ui/order_actions.py" line="216"/>
        <source>Cancel all</source>
        <translation>전체 취소</translation>
    </message>
    <message>
        <location filename="../../kiwoom_desk/ui/order_actions.py" line="215"/>
        <source>Cancel all {count} open orders?</source>
        <translation>미체결 주문 {count}건을 모두 취소할까요?</translation>
    </message>
    <message>
        <location filename="../../kiwoom_desk/ui/order_actions.py" line="234"/>
        <source>Cancelled {done} of {total}.</source>
        <translation>{total}건 중 {done}건 취소했습니다.</translation>
    </message>
    <message>
        <location filename="../../kiwoom_desk/ui/order_actions.py" line="252"/>
        <source>Cancel order</source>
        <translation>주문 취소</translation>
    </message>
    <message>
        <location filename="../../kiwoom_desk/ui/order_actions.py" line="251"/>
        <source>Cancel {order}?</source>
        <translation>{order}을(를) 취소할까요?</translation>
    </message>
    <message>
        <location filename="../../kiwoom_desk/ui/order_actions.py" line="243"/>
        <source>{name} {side} {quantity} ({number})</source>
        <translation>{name} {side} {quantity} ({number})</translation>
    </message>
    <message>
        <location filename="../../kiwoom_desk/ui/order_actions.py" line="284"/>
        <source>Modify refused: {reason}</source>
        <translation>정정 거부: {reason}</translation>
    </message>
    <message>
        <location filename="../../kiwoom_desk/ui/order_actions.py" line="286"/>
        <source>Modified: new order no. {number}</source>
        <translation>정정 접수: 새 주문번호 {number}</translation>
    </message>
</context>
<context>
    <name>OrderBookView</name>
    <message>
        <location filename="../../kiwoom_desk/ui/order_book.py" line="42"/>
        <source>Ask qty</source>
        <translation>매도잔량</translation>
    </message>
    <message>
        <location filename="../../kiwoom_desk/ui/order_book.py" line="42"/>
        <source>Price</source>
        <translation>호가</translation>
    </message>
    <message>
        <location filename="../../kiwoom_desk/ui/order_book.py" line="42"/>
        <source>Bid qty</source>
        <translation>매수잔량</translation>
    </message>
    <message>
        <location filename="../../kiwoom_desk/ui/order_book.py" line="42"/>
        <source>Mine</source>
        <translation>내 주문</translation>
    </message>
</context>
<context>
    <name>OrderState</name>
    <message>
        <location filename="../../kiwoom_desk/ui/labels.py" line="77"/>
        <source>Checking...</source>
        <translation>확인 중</translation>
    </message>
</context>
<context>
    <name>OrderStatus</name>
    <message>
        <location filename="../../kiwoom_desk/ui/labels.py" line="83"/>
        <source>Accepted</source>
        <translation>접수</translation>
    </message>
    <message>
        <location filename="../../kiwoom_desk/ui/labels.py" line="84"/>
        <source>Filled</source>
        <translation>체결</translation>
    </message>
    <message>
        <location filename="../../kiwoom_desk/ui/labels.py" line="85"/>
        <source>Confirmed</source>
        <translation>확인</translation>
    </message>
    <message>
        <location filename="../../kiwoom_desk/ui/labels.py" line="86"/>
        <source>Cancelled</source>
        <translation>취소</translation>
    </message>
    <message>
        <location filename="../../kiwoom_desk/ui/labels.py" line="87"/>
        <source>Rejected</source>
        <translation>거부</translation>
    </message>
</context>
<context>
    <name>OrderTicket</name>
    <message>
        <location filename="../../kiwoom_desk/ui/ticket.py" line="59"/>
        <source>Order ticket</source>
        <translation>주문</translation>
    </message>
    <message>
        <location filename="../../kiwoom_desk/ui/ticket.py" line="60"/>
        <source>Stock</source>
        <translation>종목</translation>
    </message>
    <message>
        <location filename="../../kiwoom_desk/ui/ticket.py" line="61"/>
        <source>Code or name, e.g. 005930 or 삼성전자</source>
        <translation>종목코드 또는 종목명 (예: 005930, 삼성전자)</translation>
    </message>
    <message>
        <location filename="../../kiwoom_desk/ui/ticket.py" line="62"/>
        <source>Buy</source>
        <translation>매수</translation>
    </message>
    <message>
        <location filename="../../kiwoom_desk/ui/ticket.py" line="63"/>
        <source>Sell</source>
        <translation>매도</translation>
    </message>
    <message>
        <location filename="../../kiwoom_desk/ui/ticket.py" line="64"/>
        <source>Order type</source>
        <translation>매매구분</translation>
    </message>
    <message>
        <location filename="../../kiwoom_desk/ui/ticket.py" line="65"/>
        <source>Venue</source>
        <translation>거래소</translation>
    </message>
    <message>
        <location filename="../../kiwoom_desk/ui/ticket.py" line="67"/>
        <source>Price</source>
        <translation>주문가</translation>
    </message>
    <message>
        <location filename="../../kiwoom_desk/ui/ticket.py" line="68"/>
        <source>Stop price</source>
        <translation>스톱가격</translation>
    </message>
    <message>
        <location filename="../../kiwoom_desk/ui/ticket.py" line="69"/>
        <source>Quantity</source>
        <translation>수량</translation>
    </message>
    <message>
        <location filename="../../kiwoom_desk/ui/ticket.py" line="70"/>
        <source>Current</source>
        <translation>현재가</translation>
    </message>
    <message>
        <location filename="../../kiwoom_desk/ui/ticket.py" line="71"/>
        <source>Keep</source>
        <translation>수량 유지</translation>
    </message>
    <message>
        <location filename="../../kiwoom_desk/ui/ticket.py" line="72"/>
        <source>Keep the quantity when the stock changes</source>
        <translation>종목을 바꿔도 주문수량을 그대로 둡니다</translation>
    </message>
    <message>
        <location filename="../../kiwoom_desk/ui/ticket.py" line="73"/>
        <source>Upper limit</source>
        <translation>상한가</translation>
    </message>
    <message>
        <location filename="../../kiwoom_desk/ui/ticket.py" line="74"/>
        <source>Lower limit</source>
        <translation>하한가</translation>
    </message>
    <message>
        <location filename="../../kiwoom_desk/ui/ticket.py" line="249"/>
        <source>Sending...</source>
        <translation>전송 중...</translation>
    </message>
    <message>
        <location filename="../../kiwoom_desk/ui/labels.py" line="114"/>
        <source>Credit buy order</source>
        <translation>신용매수 주문</translation>
    </message>
    <message>
        <location filename="../../kiwoom_desk/ui/labels.py" line="115"/>
        <source>Credit sell order</source>
        <translation>신용매도 주문</translation>
    </message>
    <message>
        <location filename="../../kiwoom_desk/ui/labels.py" line="117"/>
        <source>Buy order</source>
        <translation>매수 주문</translation>
    </message>
    <message>
        <location filename="../../kiwoom_desk/ui/labels.py" line="118"/>
        <source>Sell order</source>
        <translation>매도 주문</translation>
    </message>
    <message>
        <location filename="../../kiwoom_desk/ui/quote_lines.py" line="45"/>
        <source>Expected {price} × {quantity}</source>
        <translation>예상체결 {price} × {quantity}</translation>
    </message>
    <message>
        <location filename="../../kiwoom_desk/ui/quote_lines.py" line="54"/>
        <source>Upper {upper} · Lower {lower}</source>
        <translation>상한가 {upper} · 하한가 {lower}</translation>
    </message>
    <message>
        <location filename="../../kiwoom_desk/ui/quote_lines.py" line="64"/>
        <source>Estimated margin and commission: {amount} won</source>
        <translation>예상 증거금(수수료 포함): {amount}원</translation>
    </message>
    <message>
        <location filename="../../kiwoom_desk/ui/quote_lines.py" line="67"/>
        <source>Estimated amount at the upper limit: {amount} won</source>
        <translation>예상 주문금액(상한가 기준): {amount}원</translation>
    </message>
    <message>
        <location filename="../../kiwoom_desk/ui/quote_lines.py" line="69"/>
        <source>Estimated amount: {amount} won</source>
        <translation>예상 주문금액: {amount}원</translation>
    </message>
    <message>
        <location filename="../../kiwoom_desk/ui/quote_lines.py" line="72"/>
        <source>Orderable cash: {cash} won</source>
        <translation>주문가능금액: {cash}원</translation>
    </message>
    <message>
        <location filename="../../kiwoom_desk/ui/quote_lines.py" line="78"/>
        <source>Estimated cash after loan, interest and fees: {amount} won</source>
        <translation>융자·이자·수수료·세금 뺀 예상 입금액: {amount}원</translation>
    </message>
    <message>
        <location filename="../../kiwoom_desk/ui/quote_lines.py" line="82"/>
        <source>Proceeds before the loan is repaid: {amount} won</source>
        <translation>융자 상환 전 예상 수령액: {amount}원</translation>
    </message>
    <message>
        <location filename="../../kiwoom_desk/ui/quote_lines.py" line="84"/>
        <source>Estimated proceeds after fees and tax: {amount} won</source>
        <translation>수수료·세금 뺀 예상 수령액: {amount}원</translation>
    </message>
    <message>
        <location filename="../../kiwoom_desk/ui/quote_lines.py" line="87"/>
        <source>Sellable: {shares}</source>
        <translation>매도가능수량: {shares}</translation>
    </message>
</context>
<context>
    <name>Phase</name>
    <message>
        <location filename="../../kiwoom_desk/ui/labels.py" line="37"/>
        <source>Market closed</source>
        <translation>장 마감</translation>
    </message>
    <message>
        <location filename="../../kiwoom_desk/ui/labels.py" line="38"/>
        <source>Pre-market</source>
        <translation>장전</translation>
    </message>
    <message>
        <location filename="../../kiwoom_desk/ui/labels.py" line="39"/>
        <source>Regular session</source>
        <translation>정규장</translation>
    </message>
    <message>
        <location filename="../../kiwoom_desk/ui/labels.py" line="40"/>
        <source>Closing auction</source>
        <translation>장마감 동시호가</translation>
    </message>
    <message>
        <location filename="../../kiwoom_desk/ui/labels.py" line="41"/>
        <source>Regular market closed</source>
        <translation>정규장 종료</translation>
    </message>
    <message>
        <location filename="../../kiwoom_desk/ui/labels.py" line="42"/>
        <source>After-hours closing price</source>
        <translation>장후 시간외종가</translation>
    </message>
    <message>
        <location filename="../../kiwoom_desk/ui/labels.py" line="43"/>
        <source>After-hours single price</source>
        <translation>시간외 단일가</translation>
    </message>
</context>
<context>
    <name>PositionsPanel</name>
    <message>
        <location filename="../../kiwoom_desk/ui/positions.py" line="27"/>
        <source>Code</source>
        <translation>종목코드</translation>
    </message>
    <message>
        <location filename="../../kiwoom_desk/ui/positions.py" line="28"/>
        <source>Name</source>
        <translation>종목명</translation>
    </message>
    <message>
        <location filename="../../kiwoom_desk/ui/positions.py" line="30"/>
        <source>Credit</source>
        <translation>신용</translation>
    </message>
    <message>
        <location filename="../../kiwoom_desk/ui/positions.py" line="35"/>
        <source>Quantity</source>
        <translation>보유수량</translation>
    </message>
    <message>
        <location filename="../../kiwoom_desk/ui/positions.py" line="38"/>
        <source>Sellable</source>
        <translation>매도가능</translation>
    </message>
    <message>
        <location filename="../../kiwoom_desk/ui/positions.py" line="41"/>
        <source>Avg. price</source>
        <translation>매입가</translation>
    </message>
    <message>
        <location filename="../../kiwoom_desk/ui/positions.py" line="47"/>
        <source>Current</source>
        <translation>현재가</translation>
    </message>
    <message>
        <location filename="../../kiwoom_desk/ui/positions.py" line="53"/>
        <source>P/L</source>
        <translation>평가손익</translation>
    </message>
    <message>
        <location filename="../../kiwoom_desk/ui/positions.py" line="60"/>
        <source>P/L %</source>
        <translation>수익률</translation>
    </message>
    <message>
        <location filename="../../kiwoom_desk/ui/positions.py" line="67"/>
        <source>Loan</source>
        <translation>융자금</translation>
    </message>
    <message>
        <location filename="../../kiwoom_desk/ui/positions.py" line="73"/>
        <source>Interest</source>
        <translation>이자</translation>
    </message>
    <message>
        <location filename="../../kiwoom_desk/ui/positions.py" line="84"/>
        <source>Cash</source>
        <translation>현금</translation>
    </message>
    <message>
        <location filename="../../kiwoom_desk/ui/positions.py" line="85"/>
        <source>Credit {day}</source>
        <translation>신용 {day}</translation>
    </message>
    <message>
        <location filename="../../kiwoom_desk/ui/positions.py" line="120"/>
        <source>Cash {cash} · Orderable {orderable} · Purchase {purchase} · Evaluation {evaluation} · P/L {pl}</source>
        <translation>예수금 {cash} · 주문가능 {orderable} · 매입금액 {purchase} · 평가금액 {evaluation} · 평가손익 {pl}</translation>
    </message>
    <message>
        <location filename="../../kiwoom_desk/ui/positions.py" line="130"/>
        <source>Loans {amount}</source>
        <translation>융자 {amount}</translation>
    </message>
</context>
<context>
    <name>Problem</name>
    <message>
        <location filename="../../kiwoom_desk/ui/labels.py" line="126"/>
        <source>Enter a 6-character stock code, such as 005930, or search by name.</source>
        <translation>종목코드 6자리(예: 005930)를 입력하거나 종목명으로 검색하세요.</translation>
    </message>
    <message>
        <location filename="../../kiwoom_desk/ui/labels.py" line="129"/>
        <source>No quote for this code yet; check the code.</source>
        <translation>이 종목코드의 시세가 없습니다. 코드를 확인하세요.</translation>
    </message>
    <message>
        <location filename="../../kiwoom_desk/ui/labels.py" line="130"/>
        <source>Enter a quantity of at least 1 share.</source>
        <translation>수량을 1주 이상 입력하세요.</translation>
    </message>
    <message>
        <location filename="../../kiwoom_desk/ui/labels.py" line="131"/>
        <source>This order type needs a price.</source>
        <translation>이 매매구분은 주문가를 입력해야 합니다.</translation>
    </message>
    <message>
        <location filename="../../kiwoom_desk/ui/labels.py" line="132"/>
        <source>The price must be a multiple of {tick} won: {below} or {above}.</source>
        <translation>호가단위({tick}원)에 맞지 않습니다: {below}원 또는 {above}원</translation>
    </message>
    <message>
        <location filename="../../kiwoom_desk/ui/labels.py" line="135"/>
        <source>Above the upper limit of {upper} won.</source>
        <translation>상한가 {upper}원을 넘습니다.</translation>
    </message>
    <message>
        <location filename="../../kiwoom_desk/ui/labels.py" line="136"/>
        <source>Below the lower limit of {lower} won.</source>
        <translation>하한가 {lower}원보다 낮습니다.</translation>
    </message>
    <message>
        <location filename="../../kiwoom_desk/ui/labels.py" line="137"/>
        <source>After-hours single price takes {low}–{high} won: ±10% of the close, {close} won.</source>
        <translation>시간외 단일가는 종가 {close}원의 ±10%인 {low}~{high}원만 받습니다.</translation>
    </message>
    <message>
        <location filename="../../kiwoom_desk/ui/labels.py" line="140"/>
        <source>A stop-limit order needs a stop price.</source>
        <translation>스톱지정가 주문은 스톱가격을 입력해야 합니다.</translation>
    </message>
    <message>
        <location filename="../../kiwoom_desk/ui/labels.py" line="141"/>
        <source>The stop price must be a multiple of {tick} won: {below} or {above}.</source>
        <translation>스톱가격이 호가단위({tick}원)에 맞지 않습니다: {below}원 또는 {above}원</translation>
    </message>
    <message>
        <location filename="../../kiwoom_desk/ui/labels.py" line="144"/>
        <source>Only KRX can be traded in this environment.</source>
        <translation>이 투자구분에서는 KRX만 주문할 수 있습니다.</translation>
    </message>
    <message>
        <location filename="../../kiwoom_desk/ui/labels.py" line="145"/>
        <source>Needs {needed} won; orderable cash is {orderable} won.</source>
        <translation>주문가능금액이 부족합니다: 필요 {needed}원, 주문가능 {orderable}원</translation>
    </message>
    <message>
        <location filename="../../kiwoom_desk/ui/labels.py" line="146"/>
        <source>You can sell at most {sellable}.</source>
        <translation>매도가능수량은 {sellable}입니다.</translation>
    </message>
    <message>
        <location filename="../../kiwoom_desk/ui/labels.py" line="147"/>
        <source>The Sandbox&apos;s continuous clock has no pre-market or after-hours session: choose the KRX day in Settings › Sandbox clock, or use this order type in Mock or Real.</source>
        <translation>연습 거래소의 연속 시계에는 장전·장후 시간외가 없습니다: 설정 › 연습 거래소 시계에서 KRX 하루를 고르거나, 모의투자·실전에서 이 주문유형을 쓰세요.</translation>
    </message>
    <message>
        <location filename="../../kiwoom_desk/ui/labels.py" line="152"/>
        <source>Under VI the stock trades in a single-price auction until {release}: this order type waits for continuous trading.</source>
        <translation>VI 발동으로 {release}까지 단일가매매입니다: 이 주문유형은 접속매매가 재개된 뒤에 받습니다.</translation>
    </message>
    <message>
        <location filename="../../kiwoom_desk/ui/labels.py" line="157"/>
        <source>KRX takes this order type {start}–{end} KST only.</source>
        <translation>이 매매구분은 {start}~{end}(한국 시간)에만 주문할 수 있습니다.</translation>
    </message>
    <message>
        <location filename="../../kiwoom_desk/ui/labels.py" line="158"/>
        <source>Over your limit of {limit} shares an order</source>
        <translation>주문당 한도 {limit}주 초과</translation>
    </message>
    <message>
        <location filename="../../kiwoom_desk/ui/labels.py" line="159"/>
        <source>Over your limit of {limit} won an order</source>
        <translation>주문당 한도 {limit}원 초과</translation>
    </message>
    <message>
        <location filename="../../kiwoom_desk/ui/labels.py" line="160"/>
        <source>Outside ±{percent}% of the price: {low}–{high} won</source>
        <translation>현재가 ±{percent}% 밖: {low}~{high}원</translation>
    </message>
    <message>
        <location filename="../../kiwoom_desk/ui/labels.py" line="161"/>
        <source>{limit} orders a minute, your limit: next in {seconds} s</source>
        <translation>1분 {limit}건 한도: {seconds}초 뒤 가능</translation>
    </message>
</context>
<context>
    <name>RankingPanel</name>
    <message>
        <location filename="../../kiwoom_desk/ui/rankings.py" line="46"/>
        <source>Traded value</source>
        <translation>거래대금</translation>
    </message>
    <message>
        <location filename="../../kiwoom_desk/ui/rankings.py" line="47"/>
        <location filename="../../kiwoom_desk/ui/rankings.py" line="80"/>
        <source>Volume</source>
        <translation>거래량</translation>
    </message>
    <message>
        <location filename="../../kiwoom_desk/ui/rankings.py" line="48"/>
        <source>Top gainers</source>
        <translation>상승률</translation>
    </message>
    <message>
        <location filename="../../kiwoom_desk/ui/rankings.py" line="49"/>
        <source>Top losers</source>
        <translation>하락률</translation>
    </message>
    <message>
        <location filename="../../kiwoom_desk/ui/rankings.py" line="50"/>
        <source>Volume surge</source>
        <translation>거래량 급증</translation>
    </message>
    <message>
        <location filename="../../kiwoom_desk/ui/rankings.py" line="51"/>
        <source>Foreign net buying</source>
        <translation>외국인 순매수</translation>
    </message>
    <message>
        <location filename="../../kiwoom_desk/ui/rankings.py" line="52"/>
        <source>Institutional net buying</source>
        <translation>기관 순매수</translation>
    </message>
    <message>
        <location filename="../../kiwoom_desk/ui/rankings.py" line="59"/>
        <source>All</source>
        <translation>전체</translation>
    </message>
    <message>
        <location filename="../../kiwoom_desk/ui/rankings.py" line="60"/>
        <source>KOSPI</source>
        <translation>코스피</translation>
    </message>
    <message>
        <location filename="../../kiwoom_desk/ui/rankings.py" line="61"/>
        <source>KOSDAQ</source>
        <translation>코스닥</translation>
    </message>
    <message>
        <location filename="../../kiwoom_desk/ui/rankings.py" line="79"/>
        <source>Surge</source>
        <translation>급증률</translation>
    </message>
    <message>
        <location filename="../../kiwoom_desk/ui/rankings.py" line="80"/>
        <source>Net buy (M)</source>
        <translation>순매수(백만)</translation>
    </message>
    <message>
        <location filename="../../kiwoom_desk/ui/rankings.py" line="104"/>
        <source>Rank</source>
        <translation>순위</translation>
    </message>
    <message>
        <location filename="../../kiwoom_desk/ui/rankings.py" line="105"/>
        <source>Name</source>
        <translation>종목명</translation>
    </message>
    <message>
        <location filename="../../kiwoom_desk/ui/rankings.py" line="106"/>
        <source>Price</source>
        <translation>현재가</translation>
    </message>
    <message>
        <location filename="../../kiwoom_desk/ui/rankings.py" line="107"/>
        <source>Rate</source>
        <translation>등락률</translation>
    </message>
    <message>
        <location filename="../../kiwoom_desk/ui/rankings.py" line="77"/>
        <source>Value (M)</source>
        <translation>거래대금(백만)</translation>
    </message>
    <message>
        <location filename="../../kiwoom_desk/ui/rankings.py" line="177"/>
        <source>Auto off</source>
        <translation>자동 끔</translation>
    </message>
    <message>
        <location filename="../../kiwoom_desk/ui/rankings.py" line="177"/>
        <source>Every {n} s</source>
        <translation>{n}초마다</translation>
    </message>
    <message>
        <location filename="../../kiwoom_desk/ui/rankings.py" line="181"/>
        <source>Refresh</source>
        <translation>조회</translation>
    </message>
    <message>
        <location filename="../../kiwoom_desk/ui/rankings.py" line="182"/>
        <source>Read this ranking now</source>
        <translation>지금 순위를 조회합니다</translation>
    </message>
    <message>
        <location filename="../../kiwoom_desk/ui/rankings.py" line="247"/>
        <source>Reading {kind}...</source>
        <translation>{kind} 조회 중...</translation>
    </message>
    <message>
        <location filename="../../kiwoom_desk/ui/rankings.py" line="263"/>
        <source>automatic read skipped: orders first</source>
        <translation>자동 조회 건너뜀: 주문이 먼저입니다</translation>
    </message>
    <message>
        <location filename="../../kiwoom_desk/ui/rankings.py" line="272"/>
        <source>{kind} · {market} · {count} stocks · {time}</source>
        <translation>{kind} · {market} · {count}종목 · {time} 기준</translation>
    </message>
</context>
<context>
    <name>RealModeDialog</name>
    <message>
        <location filename="../../kiwoom_desk/ui/dialogs.py" line="192"/>
        <source>Real trading</source>
        <translation>실전투자</translation>
    </message>
    <message>
        <location filename="../../kiwoom_desk/ui/dialogs.py" line="193"/>
        <source>Orders in Real mode use real money on Kiwoom&apos;s real server.</source>
        <translation>실전투자에서는 키움증권 실전 서버에 실제 돈으로 주문됩니다.</translation>
    </message>
    <message>
        <location filename="../../kiwoom_desk/ui/dialogs.py" line="194"/>
        <source>Every order will ask for confirmation. Switch to Real?</source>
        <translation>모든 주문마다 확인을 받습니다. 실전투자로 전환할까요?</translation>
    </message>
    <message>
        <location filename="../../kiwoom_desk/ui/dialogs.py" line="195"/>
        <source>Switch to Real</source>
        <translation>실전투자로 전환</translation>
    </message>
</context>
<context>
    <name>ResetSandboxDialog</name>
    <message>
        <location filename="../../kiwoom_desk/ui/dialogs.py" line="218"/>
        <source>Reset the Sandbox account</source>
        <translation>연습 계좌 초기화</translation>
    </message>
    <message>
        <location filename="../../kiwoom_desk/ui/dialogs.py" line="221"/>
        <source>Start the Sandbox account again from its first cash? Its orders, positions and journal are deleted. Mock and Real are not touched.</source>
        <translation>연습 계좌를 처음 예수금으로 다시 시작할까요? 주문·잔고·매매일지가 지워집니다. 모의투자와 실전은 그대로입니다.</translation>
    </message>
</context>
<context>
    <name>ReviewPanel</name>
    <message>
        <location filename="../../kiwoom_desk/ui/review.py" line="55"/>
        <location filename="../../kiwoom_desk/ui/review.py" line="257"/>
        <source>Code</source>
        <translation>종목코드</translation>
    </message>
    <message>
        <location filename="../../kiwoom_desk/ui/review.py" line="56"/>
        <location filename="../../kiwoom_desk/ui/review.py" line="257"/>
        <source>Name</source>
        <translation>종목명</translation>
    </message>
    <message>
        <location filename="../../kiwoom_desk/ui/review.py" line="57"/>
        <location filename="../../kiwoom_desk/ui/review.py" line="264"/>
        <source>Bought</source>
        <translation>매수수량</translation>
    </message>
    <message>
        <location filename="../../kiwoom_desk/ui/review.py" line="58"/>
        <location filename="../../kiwoom_desk/ui/review.py" line="264"/>
        <source>Sold</source>
        <translation>매도수량</translation>
    </message>
    <message>
        <location filename="../../kiwoom_desk/ui/review.py" line="59"/>
        <location filename="../../kiwoom_desk/ui/review.py" line="257"/>
        <source>Realized P/L</source>
        <translation>실현손익</translation>
    </message>
    <message>
        <location filename="../../kiwoom_desk/ui/review.py" line="60"/>
        <location filename="../../kiwoom_desk/ui/review.py" line="257"/>
        <source>Fees and tax</source>
        <translation>수수료·세금</translation>
    </message>
    <message>
        <location filename="../../kiwoom_desk/ui/review.py" line="216"/>
        <source>Kiwoom&apos;s trade journal (ka10170, {time}): P/L {profit}, fees and tax {fees}</source>
        <translation>키움 당일매매일지(ka10170, {time} 기준): 손익 {profit}, 수수료·세금 {fees}</translation>
    </message>
    <message>
        <location filename="../../kiwoom_desk/ui/review.py" line="224"/>
        <source>Realized {realized} · fees and tax {fees} · round trips {trips} · won {rate}</source>
        <translation>실현손익 {realized} · 수수료·세금 {fees} · 왕복 {trips}회 · 승률 {rate}</translation>
    </message>
    <message>
        <location filename="../../kiwoom_desk/ui/review.py" line="264"/>
        <source>Round trips</source>
        <translation>왕복거래</translation>
    </message>
    <message>
        <location filename="../../kiwoom_desk/ui/review.py" line="264"/>
        <source>Won</source>
        <translation>이긴 거래</translation>
    </message>
    <message>
        <location filename="../../kiwoom_desk/ui/review.py" line="121"/>
        <source>Day</source>
        <translation>일자</translation>
    </message>
    <message>
        <location filename="../../kiwoom_desk/ui/review.py" line="61"/>
        <source>Trips</source>
        <translation>왕복</translation>
    </message>
    <message>
        <location filename="../../kiwoom_desk/ui/review.py" line="62"/>
        <source>Wins</source>
        <translation>승</translation>
    </message>
    <message>
        <location filename="../../kiwoom_desk/ui/review.py" line="122"/>
        <source>Export CSV...</source>
        <translation>CSV 내보내기...</translation>
    </message>
    <message>
        <location filename="../../kiwoom_desk/ui/review.py" line="123"/>
        <source>The day&apos;s fills and the summary per stock, for Excel</source>
        <translation>그날의 체결과 종목별 요약을 엑셀용 CSV로 저장합니다</translation>
    </message>
    <message>
        <location filename="../../kiwoom_desk/ui/review.py" line="171"/>
        <source>The journal could not be read: {why}</source>
        <translation>매매일지를 읽지 못했습니다: {why}</translation>
    </message>
    <message>
        <location filename="../../kiwoom_desk/ui/review.py" line="214"/>
        <source>Kiwoom&apos;s trade journal: {why}</source>
        <translation>키움 당일매매일지: {why}</translation>
    </message>
    <message>
        <location filename="../../kiwoom_desk/ui/review.py" line="231"/>
        <source>some sales of shares bought before the journal began are not counted</source>
        <translation>일지 이전에 산 주식의 매도는 손익에서 빠졌습니다</translation>
    </message>
    <message>
        <location filename="../../kiwoom_desk/ui/review.py" line="238"/>
        <source>Export the day&apos;s review</source>
        <translation>매매일지 내보내기</translation>
    </message>
    <message>
        <location filename="../../kiwoom_desk/ui/review.py" line="240"/>
        <source>CSV files (*.csv)</source>
        <translation>CSV 파일 (*.csv)</translation>
    </message>
    <message>
        <location filename="../../kiwoom_desk/ui/review.py" line="252"/>
        <source>The CSV was not written: {why}</source>
        <translation>CSV를 저장하지 못했습니다: {why}</translation>
    </message>
    <message>
        <location filename="../../kiwoom_desk/ui/review.py" line="254"/>
        <source>Saved {path}</source>
        <translation>저장했습니다: {path}</translation>
    </message>
    <message>
        <location filename="../../kiwoom_desk/ui/review.py" line="259"/>
        <source>Time (KST)</source>
        <translation>체결시각(KST)</translation>
    </message>
    <message>
        <location filename="../../kiwoom_desk/ui/review.py" line="260"/>
        <source>Order no.</source>
        <translation>주문번호</translation>
    </message>
    <message>
        <location filename="../../kiwoom_desk/ui/review.py" line="261"/>
        <source>Price</source>
        <translation>체결가</translation>
    </message>
    <message>
        <location filename="../../kiwoom_desk/ui/review.py" line="262"/>
        <source>Quantity</source>
        <translation>체결수량</translation>
    </message>
    <message>
        <location filename="../../kiwoom_desk/ui/review.py" line="266"/>
        <source>Side</source>
        <translation>구분</translation>
    </message>
    <message>
        <location filename="../../kiwoom_desk/ui/review.py" line="268"/>
        <source>Buy</source>
        <translation>매수</translation>
    </message>
    <message>
        <location filename="../../kiwoom_desk/ui/review.py" line="269"/>
        <source>Sell</source>
        <translation>매도</translation>
    </message>
    <message>
        <location filename="../../kiwoom_desk/ui/review.py" line="270"/>
        <source>Total</source>
        <translation>합계</translation>
    </message>
</context>
<context>
    <name>RiskLimitsDialog</name>
    <message>
        <location filename="../../kiwoom_desk/ui/risk_limits.py" line="58"/>
        <source>Order limits</source>
        <translation>주문 한도</translation>
    </message>
    <message>
        <location filename="../../kiwoom_desk/ui/risk_limits.py" line="62"/>
        <source>An order over a limit is not sent: the ticket says why. In Sandbox and Mock the ticket can let one order go over them; in Real only this dialog changes them. 0 = no limit (not in Real).</source>
        <translation>한도를 넘는 주문은 전송되지 않으며, 주문창에 이유가 표시됩니다. 연습·모의투자에서는 주문창에서 한 건씩 한도를 넘겨 보낼 수 있고, 실전에서는 이 창에서만 바꿀 수 있습니다. 0 = 한도 없음 (실전 제외).</translation>
    </message>
    <message>
        <location filename="../../kiwoom_desk/ui/risk_limits.py" line="70"/>
        <source>Most shares an order</source>
        <translation>주문당 최대 수량 (주)</translation>
    </message>
    <message>
        <location filename="../../kiwoom_desk/ui/risk_limits.py" line="71"/>
        <source>Largest amount an order (won)</source>
        <translation>주문당 최대 금액 (원)</translation>
    </message>
    <message>
        <location filename="../../kiwoom_desk/ui/risk_limits.py" line="72"/>
        <source>Furthest a limit price from the current price (%)</source>
        <translation>현재가와 지정가의 최대 차이 (%)</translation>
    </message>
    <message>
        <location filename="../../kiwoom_desk/ui/risk_limits.py" line="73"/>
        <source>Most orders a minute (new and modified)</source>
        <translation>1분당 최대 주문 수 (신규·정정)</translation>
    </message>
    <message>
        <location filename="../../kiwoom_desk/ui/risk_limits.py" line="88"/>
        <source>No limit</source>
        <translation>한도 없음</translation>
    </message>
</context>
<context>
    <name>SandboxClockDialog</name>
    <message>
        <location filename="../../kiwoom_desk/ui/sandbox_clock.py" line="106"/>
        <source>Sandbox clock</source>
        <translation>연습 거래소 시계</translation>
    </message>
    <message>
        <location filename="../../kiwoom_desk/ui/sandbox_clock.py" line="111"/>
        <source>Continuous: one endless session at any hour. KRX day: a simulated trading day with the opening auction, continuous trading, the closing auction, after-hours sessions and VI, at any hour.</source>
        <translation>연속: 언제든 끝없이 이어지는 정규장 하나. KRX 하루: 장전 동시호가, 접속매매, 장마감 동시호가, 시간외와 VI까지 있는 모의 거래일을 아무 시각에나 진행합니다.</translation>
    </message>
    <message>
        <location filename="../../kiwoom_desk/ui/sandbox_clock.py" line="119"/>
        <source>Continuous</source>
        <translation>연속</translation>
    </message>
    <message>
        <location filename="../../kiwoom_desk/ui/sandbox_clock.py" line="120"/>
        <source>KRX day</source>
        <translation>KRX 하루</translation>
    </message>
    <message>
        <location filename="../../kiwoom_desk/ui/sandbox_clock.py" line="124"/>
        <source>Start a new day now</source>
        <translation>지금 새 거래일 시작</translation>
    </message>
    <message>
        <location filename="../../kiwoom_desk/ui/sandbox_clock.py" line="125"/>
        <source>Ends today (its sessions run at once) and starts the next weekday</source>
        <translation>오늘을 끝내고(남은 장은 한꺼번에 진행) 다음 평일을 시작합니다</translation>
    </message>
    <message>
        <location filename="../../kiwoom_desk/ui/sandbox_clock.py" line="156"/>
        <source>Go to this time</source>
        <translation>이 시각으로 이동</translation>
    </message>
    <message>
        <location filename="../../kiwoom_desk/ui/sandbox_clock.py" line="158"/>
        <source>A later time today runs every session in between at once; an earlier one starts the next day</source>
        <translation>오늘 더 늦은 시각이면 그 사이의 모든 장을 한 번에 진행하고, 더 이른 시각이면 다음 거래일을 시작합니다</translation>
    </message>
    <message>
        <location filename="../../kiwoom_desk/ui/sandbox_clock.py" line="127"/>
        <source>Clock</source>
        <translation>시계</translation>
    </message>
    <message>
        <location filename="../../kiwoom_desk/ui/sandbox_clock.py" line="128"/>
        <source>Speed</source>
        <translation>속도</translation>
    </message>
    <message>
        <location filename="../../kiwoom_desk/ui/sandbox_clock.py" line="129"/>
        <source>Day starts at</source>
        <translation>하루 시작 시각</translation>
    </message>
    <message>
        <location filename="../../kiwoom_desk/ui/sandbox_clock.py" line="130"/>
        <source>Now</source>
        <translation>지금</translation>
    </message>
    <message>
        <location filename="../../kiwoom_desk/ui/sandbox_clock.py" line="132"/>
        <source>Go to</source>
        <translation>시각 이동</translation>
    </message>
    <message>
        <location filename="../../kiwoom_desk/ui/sandbox_clock.py" line="135"/>
        <source>REST, the control endpoint (/sandbox/...) and, on ws://, the WebSocket</source>
        <translation>REST API, 제어 엔드포인트(/sandbox/...), 그리고 ws:// 로 웹소켓</translation>
    </message>
    <message>
        <location filename="../../kiwoom_desk/ui/sandbox_clock.py" line="136"/>
        <source>Address</source>
        <translation>주소</translation>
    </message>
    <message>
        <location filename="../../kiwoom_desk/ui/sandbox_clock.py" line="172"/>
        <source>KRX day {day} {time}, {speed}×</source>
        <translation>KRX 하루 {day} {time}, {speed}배속</translation>
    </message>
    <message>
        <location filename="../../kiwoom_desk/ui/sandbox_clock.py" line="176"/>
        <source>Continuous (the computer&apos;s clock)</source>
        <translation>연속 (컴퓨터 시계)</translation>
    </message>
</context>
<context>
    <name>SandboxClockSettings</name>
    <message>
        <location filename="../../kiwoom_desk/ui/sandbox_clock.py" line="260"/>
        <source>Sandbox clock saved.</source>
        <translation>연습 거래소 시계를 저장했습니다.</translation>
    </message>
    <message>
        <location filename="../../kiwoom_desk/ui/sandbox_clock.py" line="273"/>
        <source>Sandbox clock</source>
        <translation>연습 거래소 시계</translation>
    </message>
    <message>
        <location filename="../../kiwoom_desk/ui/sandbox_clock.py" line="275"/>
        <source>Go on</source>
        <translation>계속</translation>
    </message>
    <message>
        <location filename="../../kiwoom_desk/ui/sandbox_clock.py" line="295"/>
        <source>On the way to that time a session ends: {count} open orders may expire. Go on?</source>
        <translation>그 시각으로 가는 사이에 장이 끝나 미체결 주문 {count}건이 만료될 수 있습니다. 계속할까요?</translation>
    </message>
    <message>
        <location filename="../../kiwoom_desk/ui/sandbox_clock.py" line="300"/>
        <source>The Sandbox went to {day} {time}</source>
        <translation>연습 거래소 시각을 {day} {time}(으)로 옮겼습니다</translation>
    </message>
    <message>
        <location filename="../../kiwoom_desk/ui/sandbox_clock.py" line="305"/>
        <source>A new day ends today: {count} open orders expire with it. Go on?</source>
        <translation>새 거래일을 시작하면 오늘이 끝나고 미체결 주문 {count}건이 만료됩니다. 계속할까요?</translation>
    </message>
    <message>
        <location filename="../../kiwoom_desk/ui/sandbox_clock.py" line="311"/>
        <source>A new Sandbox day started: {day} {time}</source>
        <translation>연습 거래소의 새 거래일을 시작했습니다: {day} {time}</translation>
    </message>
</context>
<context>
    <name>ScannerDocks</name>
    <message>
        <location filename="../../kiwoom_desk/ui/scanner.py" line="83"/>
        <source>Rankings</source>
        <translation>순위</translation>
    </message>
    <message>
        <location filename="../../kiwoom_desk/ui/scanner.py" line="84"/>
        <source>Conditions</source>
        <translation>조건검색</translation>
    </message>
    <message>
        <location filename="../../kiwoom_desk/ui/scanner.py" line="85"/>
        <source>Investors</source>
        <translation>투자자</translation>
    </message>
</context>
<context>
    <name>Side</name>
    <message>
        <location filename="../../kiwoom_desk/ui/labels.py" line="93"/>
        <source>Buy</source>
        <translation>매수</translation>
    </message>
    <message>
        <location filename="../../kiwoom_desk/ui/labels.py" line="95"/>
        <source>Sell</source>
        <translation>매도</translation>
    </message>
    <message>
        <location filename="../../kiwoom_desk/ui/labels.py" line="104"/>
        <source>Credit buy</source>
        <translation>신용매수</translation>
    </message>
    <message>
        <location filename="../../kiwoom_desk/ui/labels.py" line="106"/>
        <source>Credit sell</source>
        <translation>신용매도</translation>
    </message>
    <message>
        <location filename="../../kiwoom_desk/ui/labels.py" line="107"/>
        <source>Credit</source>
        <translation>신용</translation>
    </message>
</context>
<context>
    <name>StatusBar</name>
    <message>
        <location filename="../../kiwoom_desk/ui/status_bar.py" line="93"/>
        <source>REST: offline</source>
        <translation>REST: 연결 안 됨</translation>
    </message>
    <message>
        <location filename="../../kiwoom_desk/ui/status_bar.py" line="94"/>
        <source>REST: connecting...</source>
        <translation>REST: 연결 중...</translation>
    </message>
    <message>
        <location filename="../../kiwoom_desk/ui/status_bar.py" line="95"/>
        <source>REST: connected</source>
        <translation>REST: 연결됨</translation>
    </message>
    <message>
        <location filename="../../kiwoom_desk/ui/status_bar.py" line="96"/>
        <source>REST: error</source>
        <translation>REST: 오류</translation>
    </message>
    <message>
        <location filename="../../kiwoom_desk/ui/status_bar.py" line="107"/>
        <source>Real-time connection lost: reconnecting...</source>
        <translation>실시간 연결이 끊겼습니다: 다시 연결하는 중...</translation>
    </message>
    <message>
        <location filename="../../kiwoom_desk/ui/status_bar.py" line="111"/>
        <source>Real-time: connected</source>
        <translation>실시간: 연결됨</translation>
    </message>
    <message>
        <location filename="../../kiwoom_desk/ui/status_bar.py" line="113"/>
        <source>Real-time: connecting...</source>
        <translation>실시간: 연결 중...</translation>
    </message>
    <message>
        <location filename="../../kiwoom_desk/ui/status_bar.py" line="115"/>
        <source>Real-time: reconnecting (attempt {n}, next in {s:.0f} s)</source>
        <translation>실시간: 재연결 중 ({n}회째, {s:.0f}초 후)</translation>
    </message>
    <message>
        <location filename="../../kiwoom_desk/ui/status_bar.py" line="119"/>
        <source>Real-time: -</source>
        <translation>실시간: -</translation>
    </message>
    <message>
        <location filename="../../kiwoom_desk/ui/status_bar.py" line="123"/>
        <source>Unreadable real-time messages skipped: {count}</source>
        <translation>읽지 못해 건너뛴 실시간 메시지: {count}건</translation>
    </message>
    <message>
        <location filename="../../kiwoom_desk/ui/status_bar.py" line="136"/>
        <source>Token: -</source>
        <translation>토큰: -</translation>
    </message>
    <message>
        <location filename="../../kiwoom_desk/ui/status_bar.py" line="139"/>
        <source>Token: {h}h {m:02d}m</source>
        <translation>토큰: {h}시간 {m:02d}분</translation>
    </message>
    <message>
        <location filename="../../kiwoom_desk/ui/status_bar.py" line="149"/>
        <source>Sandbox {time} ×{speed}</source>
        <translation>연습 {time} ×{speed}</translation>
    </message>
    <message>
        <location filename="../../kiwoom_desk/ui/status_bar.py" line="150"/>
        <source>The Sandbox&apos;s KRX day: {day}</source>
        <translation>연습 거래소의 KRX 거래일: {day}</translation>
    </message>
    <message>
        <location filename="../../kiwoom_desk/ui/status_bar.py" line="171"/>
        <source>Next day in {time}</source>
        <translation>다음 거래일까지 {time}</translation>
    </message>
    <message>
        <location filename="../../kiwoom_desk/ui/status_bar.py" line="173"/>
        <source>Market closes in {time}</source>
        <translation>장 마감까지 {time}</translation>
    </message>
    <message>
        <location filename="../../kiwoom_desk/ui/status_bar.py" line="174"/>
        <source>{phase} in {time}</source>
        <translation>{phase}까지 {time}</translation>
    </message>
    <message>
        <location filename="../../kiwoom_desk/ui/status_bar.py" line="181"/>
        <source>At ×{speed} that is {time} of real time</source>
        <translation>×{speed} 배속: 실제 시간으로 {time}</translation>
    </message>
    <message>
        <location filename="../../kiwoom_desk/ui/status_bar.py" line="188"/>
        <source>{h} h {m:02d} min</source>
        <translation>{h}시간 {m:02d}분</translation>
    </message>
    <message>
        <location filename="../../kiwoom_desk/ui/status_bar.py" line="190"/>
        <source>{m} min {s:02d} s</source>
        <translation>{m}분 {s:02d}초</translation>
    </message>
    <message>
        <location filename="../../kiwoom_desk/ui/status_bar.py" line="191"/>
        <source>{s} s</source>
        <translation>{s}초</translation>
    </message>
</context>
<context>
    <name>TicketLimits</name>
    <message>
        <location filename="../../kiwoom_desk/ui/ticket_limits.py" line="38"/>
        <source>Over limits, once</source>
        <translation>이번만 한도 초과</translation>
    </message>
    <message>
        <location filename="../../kiwoom_desk/ui/ticket_limits.py" line="41"/>
        <source>Send this one order over the limits it breaks now, after a confirmation. Sandbox and Mock only; Settings › Order limits changes the limits.</source>
        <translation>지금 넘는 한도를 무시하고 이 주문 한 건만 확인 후 보냅니다. 연습·모의투자에서만 가능하며, 한도는 설정 › 주문 한도에서 바꿉니다.</translation>
    </message>
</context>
<context>
    <name>TradeType</name>
    <message>
        <location filename="../../kiwoom_desk/ui/labels.py" line="49"/>
        <source>Limit</source>
        <translation>보통</translation>
    </message>
    <message>
        <location filename="../../kiwoom_desk/ui/labels.py" line="50"/>
        <source>Market</source>
        <translation>시장가</translation>
    </message>
    <message>
        <location filename="../../kiwoom_desk/ui/labels.py" line="51"/>
        <source>Conditional limit</source>
        <translation>조건부지정가</translation>
    </message>
    <message>
        <location filename="../../kiwoom_desk/ui/labels.py" line="52"/>
        <source>Best limit</source>
        <translation>최유리지정가</translation>
    </message>
    <message>
        <location filename="../../kiwoom_desk/ui/labels.py" line="53"/>
        <source>Priority limit</source>
        <translation>최우선지정가</translation>
    </message>
    <message>
        <location filename="../../kiwoom_desk/ui/labels.py" line="54"/>
        <source>Limit (IOC)</source>
        <translation>보통(IOC)</translation>
    </message>
    <message>
        <location filename="../../kiwoom_desk/ui/labels.py" line="55"/>
        <source>Market (IOC)</source>
        <translation>시장가(IOC)</translation>
    </message>
    <message>
        <location filename="../../kiwoom_desk/ui/labels.py" line="56"/>
        <source>Best limit (IOC)</source>
        <translation>최유리(IOC)</translation>
    </message>
    <message>
        <location filename="../../kiwoom_desk/ui/labels.py" line="57"/>
        <source>Limit (FOK)</source>
        <translation>보통(FOK)</translation>
    </message>
    <message>
        <location filename="../../kiwoom_desk/ui/labels.py" line="58"/>
        <source>Market (FOK)</source>
        <translation>시장가(FOK)</translation>
    </message>
    <message>
        <location filename="../../kiwoom_desk/ui/labels.py" line="59"/>
        <source>Best limit (FOK)</source>
        <translation>최유리(FOK)</translation>
    </message>
    <message>
        <location filename="../../kiwoom_desk/ui/labels.py" line="60"/>
        <source>Stop limit</source>
        <translation>스톱지정가</translation>
    </message>
    <message>
        <location filename="../../kiwoom_desk/ui/labels.py" line="61"/>
        <source>Mid-price</source>
        <translation>중간가</translation>
    </message>
    <message>
        <location filename="../../kiwoom_desk/ui/labels.py" line="62"/>
        <source>Mid-price (IOC)</source>
        <translation>중간가(IOC)</translation>
    </message>
    <message>
        <location filename="../../kiwoom_desk/ui/labels.py" line="63"/>
        <source>Mid-price (FOK)</source>
        <translation>중간가(FOK)</translation>
    </message>
    <message>
        <location filename="../../kiwoom_desk/ui/labels.py" line="64"/>
        <source>Pre-market closing price</source>
        <translation>장전 시간외종가</translation>
    </message>
    <message>
        <location filename="../../kiwoom_desk/ui/labels.py" line="65"/>
        <source>After-hours single price</source>
        <translation>시간외 단일가</translation>
    </message>
    <message>
        <location filename="../../kiwoom_desk/ui/labels.py" line="66"/>
        <source>Post-market closing price</source>
        <translation>장후 시간외종가</translation>
    </message>
</context>
<context>
    <name>Units</name>
    <message>
        <location filename="../../kiwoom_desk/ui/labels.py" line="23"/>
        <source>{count} share</source>
        <translation>{count}주</translation>
    </message>
    <message>
        <location filename="../../kiwoom_desk/ui/labels.py" line="24"/>
        <source>{count} shares</source>
        <translation>{count}주</translation>
    </message>
</context>
<context>
    <name>ViMarks</name>
    <message>
        <location filename="../../kiwoom_desk/ui/vi_marks.py" line="28"/>
        <source>static</source>
        <translation>정적</translation>
    </message>
    <message>
        <location filename="../../kiwoom_desk/ui/vi_marks.py" line="29"/>
        <source>dynamic</source>
        <translation>동적</translation>
    </message>
    <message>
        <location filename="../../kiwoom_desk/ui/vi_marks.py" line="30"/>
        <source>dynamic+static</source>
        <translation>동적+정적</translation>
    </message>
    <message>
        <location filename="../../kiwoom_desk/ui/vi_marks.py" line="37"/>
        <source>VI: {kind}</source>
        <translation>VI 발동: {kind}</translation>
    </message>
    <message>
        <location filename="../../kiwoom_desk/ui/vi_marks.py" line="38"/>
        <source>VI: {kind}, release at {time}</source>
        <translation>VI 발동: {kind}, 해제 예정 {time}</translation>
    </message>
</context>
<context>
    <name>WatchlistPanel</name>
    <message>
        <location filename="../../kiwoom_desk/ui/watchlist.py" line="63"/>
        <source>Name</source>
        <translation>종목명</translation>
    </message>
    <message>
        <location filename="../../kiwoom_desk/ui/watchlist.py" line="64"/>
        <source>Price</source>
        <translation>현재가</translation>
    </message>
    <message>
        <location filename="../../kiwoom_desk/ui/watchlist.py" line="65"/>
        <source>Change</source>
        <translation>대비</translation>
    </message>
    <message>
        <location filename="../../kiwoom_desk/ui/watchlist.py" line="66"/>
        <source>Rate</source>
        <translation>등락률</translation>
    </message>
    <message>
        <location filename="../../kiwoom_desk/ui/watchlist.py" line="67"/>
        <source>Volume</source>
        <translation>거래량</translation>
    </message>
    <message>
        <location filename="../../kiwoom_desk/ui/watchlist.py" line="68"/>
        <source>Day range</source>
        <translation>일중 범위</translation>
    </message>
    <message>
        <location filename="../../kiwoom_desk/ui/watchlist.py" line="148"/>
        <source>+ Add</source>
        <translation>+ 추가</translation>
    </message>
    <message>
        <location filename="../../kiwoom_desk/ui/watchlist.py" line="149"/>
        <source>Add the ticket&apos;s stock to this list (Insert)</source>
        <translation>주문창의 종목을 이 목록에 추가합니다 (Insert)</translation>
    </message>
    <message>
        <location filename="../../kiwoom_desk/ui/watchlist.py" line="150"/>
        <source>Lists</source>
        <translation>목록</translation>
    </message>
    <message>
        <location filename="../../kiwoom_desk/ui/watchlist.py" line="151"/>
        <source>New list...</source>
        <translation>새 목록...</translation>
    </message>
    <message>
        <location filename="../../kiwoom_desk/ui/watchlist.py" line="152"/>
        <source>Delete this list</source>
        <translation>이 목록 삭제</translation>
    </message>
    <message>
        <location filename="../../kiwoom_desk/ui/watchlist.py" line="153"/>
        <source>Import from 영웅문 (HTS groups)</source>
        <translation>영웅문 관심종목 가져오기</translation>
    </message>
    <message>
        <location filename="../../kiwoom_desk/ui/watchlist.py" line="154"/>
        <source>Put a stock in the ticket, then + Add (or Insert) to watch it here.</source>
        <translation>주문창에 종목을 넣고 + 추가(또는 Insert)를 누르면 여기서 지켜볼 수 있습니다.</translation>
    </message>
    <message>
        <location filename="../../kiwoom_desk/ui/watchlist.py" line="167"/>
        <source>The watchlists could not be read: {why}</source>
        <translation>관심종목을 읽지 못했습니다(이번 실행에서만 유지됩니다): {why}</translation>
    </message>
    <message>
        <location filename="../../kiwoom_desk/ui/watchlist.py" line="190"/>
        <source>The watchlists could not be saved: {why}</source>
        <translation>관심종목을 저장하지 못했습니다: {why}</translation>
    </message>
    <message>
        <location filename="../../kiwoom_desk/ui/watchlist.py" line="198"/>
        <source>Name of the new list</source>
        <translation>새 목록의 이름</translation>
    </message>
    <message>
        <location filename="../../kiwoom_desk/ui/watchlist.py" line="199"/>
        <source>Watchlist {number}</source>
        <translation>관심종목{number}</translation>
    </message>
    <message>
        <location filename="../../kiwoom_desk/ui/watchlist.py" line="230"/>
        <source>영웅문: {groups} groups, {added} new stocks</source>
        <translation>영웅문 관심종목 {groups}개 그룹에서 {added}종목을 새로 가져왔습니다</translation>
    </message>
    <message>
        <location filename="../../kiwoom_desk/ui/watchlist.py" line="237"/>
        <source>Delete the list {name} and its {count} stocks?</source>
        <translation>{name} 목록과 그 안의 {count}종목을 삭제할까요?</translation>
    </message>
</context>
<context>
    <name>WindowMenus</name>
    <message>
        <location filename="../../kiwoom_desk/ui/menus.py" line="167"/>
        <source>Order limits saved.</source>
        <translation>주문 한도를 저장했습니다.</translation>
    </message>
    <message>
        <location filename="../../kiwoom_desk/ui/menus.py" line="173"/>
        <source>Hotkeys saved.</source>
        <translation>단축키를 저장했습니다.</translation>
    </message>
    <message>
        <location filename="../../kiwoom_desk/ui/menus.py" line="176"/>
        <source>&amp;File</source>
        <translation>파일(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../kiwoom_desk/ui/menus.py" line="177"/>
        <source>Mock keys...</source>
        <translation>모의투자 앱키...</translation>
    </message>
    <message>
        <location filename="../../kiwoom_desk/ui/menus.py" line="178"/>
        <source>Real keys...</source>
        <translation>실전 앱키...</translation>
    </message>
    <message>
        <location filename="../../kiwoom_desk/ui/menus.py" line="179"/>
        <source>Quit</source>
        <translation>종료</translation>
    </message>
    <message>
        <location filename="../../kiwoom_desk/ui/menus.py" line="180"/>
        <source>&amp;Orders</source>
        <translation>주문(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../kiwoom_desk/ui/menus.py" line="181"/>
        <source>Refresh</source>
        <translation>새로고침</translation>
    </message>
    <message>
        <location filename="../../kiwoom_desk/ui/menus.py" line="182"/>
        <source>Add the ticket&apos;s stock to the watchlist</source>
        <translation>주문창 종목을 관심종목에 추가</translation>
    </message>
    <message>
        <location filename="../../kiwoom_desk/ui/menus.py" line="183"/>
        <source>Modify selected...</source>
        <translation>선택 주문 정정...</translation>
    </message>
    <message>
        <location filename="../../kiwoom_desk/ui/menus.py" line="184"/>
        <source>Cancel selected</source>
        <translation>선택 주문 취소</translation>
    </message>
    <message>
        <location filename="../../kiwoom_desk/ui/menus.py" line="185"/>
        <source>Cancel all...</source>
        <translation>전체 취소...</translation>
    </message>
    <message>
        <location filename="../../kiwoom_desk/ui/menus.py" line="186"/>
        <source>Ticket</source>
        <translation>주문창</translation>
    </message>
    <message>
        <location filename="../../kiwoom_desk/ui/menus.py" line="187"/>
        <source>&amp;Settings</source>
        <translation>설정(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../kiwoom_desk/ui/menus.py" line="188"/>
        <source>Confirm every order in Sandbox and Mock</source>
        <translation>연습·모의투자에서도 매 주문 확인</translation>
    </message>
    <message>
        <location filename="../../kiwoom_desk/ui/menus.py" line="189"/>
        <source>Confirm before cancelling one order</source>
        <translation>주문 하나를 취소할 때도 확인</translation>
    </message>
    <message>
        <location filename="../../kiwoom_desk/ui/menus.py" line="190"/>
        <source>Sounds</source>
        <translation>소리</translation>
    </message>
    <message>
        <location filename="../../kiwoom_desk/ui/menus.py" line="192"/>
        <source>Fill</source>
        <translation>체결</translation>
    </message>
    <message>
        <location filename="../../kiwoom_desk/ui/menus.py" line="193"/>
        <source>Partial fill</source>
        <translation>부분 체결</translation>
    </message>
    <message>
        <location filename="../../kiwoom_desk/ui/menus.py" line="194"/>
        <source>Rejection</source>
        <translation>거부</translation>
    </message>
    <message>
        <location filename="../../kiwoom_desk/ui/menus.py" line="195"/>
        <source>Real-time connection lost</source>
        <translation>실시간 연결 끊김</translation>
    </message>
    <message>
        <location filename="../../kiwoom_desk/ui/menus.py" line="199"/>
        <source>Order limits...</source>
        <translation>주문 한도...</translation>
    </message>
    <message>
        <location filename="../../kiwoom_desk/ui/menus.py" line="200"/>
        <source>Hotkeys...</source>
        <translation>단축키...</translation>
    </message>
    <message>
        <location filename="../../kiwoom_desk/ui/menus.py" line="201"/>
        <source>Sandbox clock...</source>
        <translation>연습 거래소 시계...</translation>
    </message>
    <message>
        <location filename="../../kiwoom_desk/ui/menus.py" line="202"/>
        <source>Reset the Sandbox account...</source>
        <translation>연습 계좌 초기화...</translation>
    </message>
    <message>
        <location filename="../../kiwoom_desk/ui/menus.py" line="203"/>
        <source>&amp;View</source>
        <translation>보기(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../kiwoom_desk/ui/menus.py" line="204"/>
        <source>Restore default layout</source>
        <translation>기본 화면 배치로 되돌리기</translation>
    </message>
    <message>
        <location filename="../../kiwoom_desk/ui/menus.py" line="205"/>
        <source>Language</source>
        <translation>언어</translation>
    </message>
    <message>
        <location filename="../../kiwoom_desk/ui/menus.py" line="206"/>
        <source>&amp;Help</source>
        <translation>도움말(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../kiwoom_desk/ui/menus.py" line="207"/>
        <source>About Kiwoom Desk</source>
        <translation>Kiwoom Desk 정보</translation>
    </message>
</context>
</TS>
