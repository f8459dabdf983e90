from django.urls import path

from taizhang.notifications import views

app_name = "notifications"
urlpatterns = [
    path("", views.MessagesView.as_view(), name="messages"),
    path("<int:delivery_id>/open/", views.OpenMessageView.as_view(), name="message_open"),
    path("read-all/", views.ReadAllView.as_view(), name="read_all"),
    path("preferences/", views.PreferencesView.as_view(), name="preferences"),
    path("log/", views.DeliveryLogView.as_view(), name="log"),
    path("log/<int:delivery_id>/resend/", views.ResendView.as_view(), name="resend"),
    path("channels/", views.ChannelsView.as_view(), name="channels"),
    path("channels/units/<int:unit_id>/", views.RobotView.as_view(), name="robot"),
]
